package com.nextpanel.addons.console.marketplace;

import com.nextpanel.addons.client.AgentApi;
import com.nextpanel.addons.client.CatalogEntry;
import java.util.ArrayList;
import java.util.List;

/** The catalog as the agent verified it, from {@code GET /agent/v1/catalog}: names and versions. */
public final class AgentCatalogSource implements CatalogSource {

    @Override
    public CatalogSnapshot load(AgentApi agent) {
        List<AddonListing> listings = new ArrayList<>();
        for (CatalogEntry e : agent.catalog()) {
            List<ListingVersion> versions = new ArrayList<>();
            for (String v : e.versions()) {
                versions.add(ListingVersion.bare(v));
            }
            if (versions.isEmpty() && !e.latest().isBlank()) {
                versions.add(ListingVersion.bare(e.latest()));
            }
            versions.sort((a, b) -> Versions.compare(a.version(), b.version()));
            // the agent sends the signed summary of the latest version: its details fill that version in
            e.summary().ifPresent(summary -> versions.replaceAll(v -> v.version().equals(e.latest())
                    ? ManifestSummaries.toVersion(summary, -1, null) : v));
            listings.add(new AddonListing(e.id(), e.name(), e.category().orElse(""), e.description().orElse(""), versions, List.of()));
        }
        return new CatalogSnapshot(listings, "Catalog verified by the agent against its trusted root");
    }
}
