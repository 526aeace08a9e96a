package com.nextpanel.addons.console.marketplace;

import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.console.common.Formats;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The signed catalog, fetched and verified by the console itself with the catalog module's TUF
 * {@link CatalogClient} (the same client the agent uses): thresholds, expiry, rollback, hashes. It never
 * trusts the agent's word for what the catalog holds. Everything the console shows of an addon (details,
 * changelog, its pages) comes from the signed summaries in {@code targets.json}: it downloads no package.
 */
public final class SignedCatalogSource implements CatalogSource {

    private final CatalogClient client;

    /**
     * @param location  the catalog: a directory or an https URL
     * @param trustRoot its trusted {@code root.json}
     * @param stateDir  where the client remembers the versions it accepted (rollback protection)
     */
    public SignedCatalogSource(String location, Path trustRoot, Path stateDir) {
        this.client = CatalogClient.builder(location).trustedRoot(trustRoot).stateDir(stateDir).build();
    }

    @Override
    public CatalogSnapshot load(AgentApi agent) {
        VerifiedCatalog catalog;
        synchronized (client) {
            catalog = client.refresh();
        }
        List<AddonListing> listings = new ArrayList<>();
        for (Map.Entry<String, List<CatalogTarget>> e : catalog.byAddon().entrySet()) {
            List<ListingVersion> versions = new ArrayList<>();
            for (CatalogTarget t : e.getValue()) {
                // from the typed summary: no JSON tree per target
                versions.add(ManifestSummaries.toVersion(t.manifest(), t.length(), t.sha256()));
            }
            ManifestSummary latest = e.getValue().get(e.getValue().size() - 1).manifest();
            listings.add(new AddonListing(e.getKey(), latest.name(), latest.category(), latest.description(), versions,
                    catalog.targetsSignedBy()));
        }
        var targets = catalog.targetsRole();
        String verification = "Signed catalog verified by this console: targets v" + targets.version() + ", signed by "
                + targets.signedBy().size() + (targets.signedBy().size() == 1 ? " key" : " keys") + ", expires "
                + Formats.time(targets.expires());
        return new CatalogSnapshot(listings, verification);
    }
}
