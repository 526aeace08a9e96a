package com.nextpanel.addons.console.installed;

import com.nextpanel.addons.client.AddonInfo;
import com.nextpanel.addons.client.AddonState;
import com.nextpanel.addons.console.common.UserError;
import com.nextpanel.addons.console.marketplace.AddonListing;
import com.nextpanel.addons.console.marketplace.MarketplaceCatalog;
import com.nextpanel.addons.console.marketplace.Versions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/** Installed: every installed addon with version, install time, the latest available version, and actions. */
public final class InstalledViewModel {

    private final AddonInventory inventory;
    private final MarketplaceCatalog catalog;
    private final AddonActions actions;
    private final ObservableList<InstalledRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<InstalledRow> selected = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");

    public InstalledViewModel(AddonInventory inventory, MarketplaceCatalog catalog, AddonActions actions) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.actions = actions;
        inventory.installed().addListener((ListChangeListener<AddonInfo>) c -> rebuild());
        catalog.listings().addListener((ListChangeListener<AddonListing>) c -> rebuild());
        inventory.connectedProperty().addListener((o, was, is) -> rebuild());
        inventory.errorProperty().addListener((o, was, is) -> rebuild());
        rebuild();
    }

    public ObservableList<InstalledRow> rows() {
        return rows;
    }

    public ObjectProperty<InstalledRow> selectedProperty() {
        return selected;
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public void refresh() {
        inventory.refresh();
        catalog.refresh();
    }

    public void updateSelected() {
        selectedRow().ifPresent(r -> actions.update(r.id(), r.latest().filter(l -> r.updateAvailable())));
    }

    public void uninstallSelected() {
        selectedRow().ifPresent(r -> actions.uninstall(r.id()));
    }

    /** Disables an enabled addon, enables a disabled one. */
    public void toggleSelected() {
        selectedRow().ifPresent(r -> {
            if (r.state() == AddonState.DISABLED) {
                actions.enable(r.id());
            } else {
                actions.disable(r.id());
            }
        });
    }

    public void backupSelected() {
        selectedRow().ifPresent(r -> actions.backup(r.id()));
    }

    /** What the list means: "0 addons installed" only when a server said so. */
    private String summary(int count, int updates) {
        if (!inventory.connectedProperty().get()) {
            return "Not connected: choose a server on the Servers page to see its addons.";
        }
        UserError failed = inventory.errorProperty().get();
        if (failed != null) {
            return failed.title() + ": " + failed.message() + " The list below is the last one read.";
        }
        return count + (count == 1 ? " addon installed" : " addons installed")
                + (updates == 0 ? "" : ", " + updates + (updates == 1 ? " update available" : " updates available"));
    }

    private Optional<InstalledRow> selectedRow() {
        return Optional.ofNullable(selected.get());
    }

    private void rebuild() {
        String keep = selected.get() == null ? null : selected.get().id();
        List<InstalledRow> out = new ArrayList<>();
        int updates = 0;
        for (AddonInfo a : inventory.installed()) {
            Optional<AddonListing> listing = catalog.find(a.id());
            Optional<String> latest = listing.map(l -> l.latest().version()).filter(v -> !v.isBlank());
            boolean update = latest.map(l -> Versions.isNewer(l, a.version())).orElse(false);
            if (update) {
                updates++;
            }
            String name = a.name().or(() -> listing.map(AddonListing::name)).orElse(a.id());
            out.add(new InstalledRow(a.id(), name, a.version(), a.state(), a.installedAt(), latest, update));
        }
        rows.setAll(out);
        summary.set(summary(out.size(), updates));
        selected.set(keep == null ? null : out.stream().filter(r -> r.id().equals(keep)).findFirst().orElse(null));
    }
}
