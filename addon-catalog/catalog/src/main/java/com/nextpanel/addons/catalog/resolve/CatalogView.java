package com.nextpanel.addons.catalog.resolve;

import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/** What the resolver needs from a verified catalog: the published versions of an addon. */
public interface CatalogView {

    /** @return every published version of the addon, in any order; empty when the catalog does not know it */
    List<ManifestSummary> versions(String id);

    /** A view over summaries already in memory (tests, or a catalog the client verified). */
    static CatalogView of(Collection<ManifestSummary> summaries) {
        Map<String, List<ManifestSummary>> byId = new java.util.HashMap<>();
        for (ManifestSummary s : summaries) {
            byId.computeIfAbsent(s.id(), k -> new java.util.ArrayList<>()).add(s);
        }
        byId.replaceAll((k, v) -> List.copyOf(v));
        return id -> byId.getOrDefault(id, List.of());
    }
}
