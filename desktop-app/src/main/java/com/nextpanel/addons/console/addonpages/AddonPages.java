package com.nextpanel.addons.console.addonpages;

import com.nextpanel.addons.client.AddonInfo;
import com.nextpanel.addons.client.AddonState;
import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.console.installed.AddonInventory;
import com.nextpanel.addons.console.marketplace.AddonListing;
import com.nextpanel.addons.console.marketplace.ListingVersion;
import com.nextpanel.addons.console.marketplace.MarketplaceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The navigation items of the enabled installed addons, from the {@code console} section of their
 * manifests: as the agent reports it, or else the signed catalog's summary of the installed version (the
 * publisher signs the console section into every target's summary, so no package is downloaded for it).
 * An addon whose summary predates that, and whose agent does not report it, shows no pages.
 * Rebuilt whenever what is installed changes, so that an uninstalled addon's pages disappear.
 */
public final class AddonPages {

    private final AddonInventory inventory;
    private final MarketplaceCatalog catalog;
    private final ObservableList<NavItem> items = FXCollections.observableArrayList();

    public AddonPages(AddonInventory inventory, MarketplaceCatalog catalog) {
        this.inventory = inventory;
        this.catalog = catalog;
        inventory.installed().addListener((ListChangeListener<AddonInfo>) c -> rebuild());
        catalog.listings().addListener((ListChangeListener<AddonListing>) c -> rebuild());
        rebuild();
    }

    public ObservableList<NavItem> items() {
        return items;
    }

    public Optional<NavItem> find(String key) {
        return items.stream().filter(i -> i.key().equals(key)).findFirst();
    }

    private void rebuild() {
        List<NavItem> out = new ArrayList<>();
        for (AddonInfo a : inventory.installed()) {
            if (a.state() != AddonState.ENABLED && a.state() != AddonState.UNKNOWN) {
                continue;
            }
            Optional<JsonNode> console = a.console().or(() -> catalog.find(a.id())
                    .flatMap(l -> l.version(a.version())).flatMap(ListingVersion::console));
            console.ifPresent(c -> out.addAll(ConsoleSections.read(a.id(), c)));
        }
        if (!out.equals(items)) {
            items.setAll(out);
        }
    }
}
