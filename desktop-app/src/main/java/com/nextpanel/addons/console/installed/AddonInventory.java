package com.nextpanel.addons.console.installed;

import com.nextpanel.addons.client.AddonInfo;
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
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/** What is installed on the current server ({@code GET /agent/v1/addons}), refreshed after every job. */
public final class AddonInventory {

    private final Supplier<Optional<AgentApi>> api;
    private final TaskExecutor executor;
    private final ObservableList<AddonInfo> installed = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<UserError> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper connected = new ReadOnlyBooleanWrapper(false);

    public AddonInventory(Supplier<Optional<AgentApi>> api, TaskExecutor executor) {
        this.api = api;
        this.executor = executor;
    }

    public ObservableList<AddonInfo> installed() {
        return installed;
    }

    public ReadOnlyObjectProperty<UserError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** @return whether there is a server to ask; without one the list is empty because nothing is known, not because nothing is installed */
    public ReadOnlyBooleanProperty connectedProperty() {
        return connected.getReadOnlyProperty();
    }

    public Optional<AddonInfo> find(String id) {
        return installed.stream().filter(a -> a.id().equals(id)).findFirst();
    }

    public void refresh() {
        Optional<AgentApi> a = api.get();
        connected.set(a.isPresent());
        if (a.isEmpty()) {
            error.set(null);
            installed.clear();
            return;
        }
        BackgroundTask.wrap(() -> a.get().addons())
                .onSuccess(list -> {
                    installed.setAll(list);
                    error.set(null);
                })
                .onFailure(e -> error.set(UserError.of("Reading installed addons", e)))
                .executeWith(executor);
    }
}
