package com.nextpanel.addons.console.addonpages;

import com.nextpanel.addons.client.AddonInfo;
import com.nextpanel.addons.client.AddonState;
import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.console.common.BackgroundTask;
import com.nextpanel.addons.console.common.TaskExecutor;
import com.nextpanel.addons.console.installed.AddonInventory;
import com.nextpanel.addons.console.marketplace.AddonListing;
import com.nextpanel.addons.console.marketplace.ListingVersion;
import com.nextpanel.addons.console.marketplace.ManifestLookup;
import com.nextpanel.addons.console.marketplace.MarketplaceCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;

/**
 * The navigation items of the enabled installed addons, from the {@code console} section of their
 * manifests: as the agent reports it, or the catalog's summary of the installed version, or else the manifest
 * inside the signed package itself (read off the UI thread through a {@link ManifestLookup}).
 * Rebuilt whenever what is installed changes, so that an uninstalled addon's pages disappear.
 */
public final class AddonPages {

    private static final Logger LOG = LoggerFactory.getLogger(AddonPages.class);

    private final AddonInventory inventory;
    private final MarketplaceCatalog catalog;
    private final ManifestLookup manifests;
    private final TaskExecutor executor;
    private final Map<String, Optional<JsonNode>> looked = new ConcurrentHashMap<>();
    private final java.util.Set<String> pending = ConcurrentHashMap.newKeySet();
    private final ObservableList<NavItem> items = FXCollections.observableArrayList();

    public AddonPages(AddonInventory inventory, MarketplaceCatalog catalog, ManifestLookup manifests, TaskExecutor executor) {
        this.inventory = inventory;
        this.catalog = catalog;
        this.manifests = manifests;
        this.executor = executor;
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
        List<AddonInfo> toLookUp = new ArrayList<>();
        for (AddonInfo a : inventory.installed()) {
            if (a.state() != AddonState.ENABLED && a.state() != AddonState.UNKNOWN) {
                continue;
            }
            String key = a.id() + "@" + a.version();
            Optional<JsonNode> console = a.console().or(() -> catalog.find(a.id())
                    .flatMap(l -> l.version(a.version())).flatMap(ListingVersion::console));
            if (console.isEmpty()) {
                if (looked.containsKey(key)) {
                    console = looked.get(key).map(m -> m.get("console")).filter(c -> c != null && !c.isNull());
                } else {
                    toLookUp.add(a);
                }
            }
            if (console.isPresent()) {
                out.addAll(ConsoleSections.read(a.id(), console.get()));
            } else if (toLookUp.contains(a) || pending.contains(key)) {
                // an update's manifest is still being read: keep the pages it had, so they do not flicker
                items.stream().filter(i -> i.addonId().equals(a.id())).forEach(out::add);
            }
        }
        if (!out.equals(items)) {
            items.setAll(out);
        }
        for (AddonInfo a : toLookUp) {
            String key = a.id() + "@" + a.version();
            looked.put(key, Optional.empty());
            pending.add(key);
            BackgroundTask.wrap(() -> manifests.manifest(a.id(), a.version()))
                    .onSuccess(m -> looked.put(key, m))
                    .onFailure(e -> LOG.warn("cannot read the manifest of {} {}", a.id(), a.version(), e))
                    .onFinished(() -> {
                        pending.remove(key);
                        rebuild();
                    })
                    .executeWith(executor);
        }
    }
}
