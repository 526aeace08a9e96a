package com.nextpanel.addons.console.marketplace;

import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.console.common.BackgroundTask;
import com.nextpanel.addons.console.common.TaskExecutor;
import com.nextpanel.addons.console.common.UserError;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The catalog the console works with: loaded off the UI thread from its {@link CatalogSource}, with the
 * verification status, or the error that made it fail verification (then the list is emptied: an
 * unverified catalog is never shown).
 */
public final class MarketplaceCatalog {

    private final CatalogSource source;
    private final Supplier<Optional<AgentApi>> api;
    private final TaskExecutor executor;
    private final ObservableList<AddonListing> listings = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper verification = new ReadOnlyStringWrapper("Not loaded");
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);

    public MarketplaceCatalog(CatalogSource source, Supplier<Optional<AgentApi>> api, TaskExecutor executor) {
        this.source = source;
        this.api = api;
        this.executor = executor;
    }

    public ObservableList<AddonListing> listings() {
        return listings;
    }

    public ReadOnlyStringProperty verificationProperty() {
        return verification.getReadOnlyProperty();
    }

    /** The last load's failure, or null. */
    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    public Optional<AddonListing> find(String id) {
        return listings.stream().filter(l -> l.id().equals(id)).findFirst();
    }

    public void refresh() {
        Optional<AgentApi> a = api.get();
        if (a.isEmpty()) {
            listings.clear();
            verification.set("Not connected");
            return;
        }
        BackgroundTask.wrap(() -> source.load(a.get()))
                .onRunning(() -> loading.set(true))
                .onSuccess(snapshot -> {
                    listings.setAll(snapshot.listings());
                    verification.set(snapshot.verification());
                    error.set(null);
                })
                .onFailure(e -> {
                    listings.clear();
                    UserError ue = UserError.of("Loading the catalog", e);
                    verification.set("Catalog failed verification: " + ue.message());
                    error.set(ue);
                })
                .onFinished(() -> loading.set(false))
                .executeWith(executor);
    }
}
