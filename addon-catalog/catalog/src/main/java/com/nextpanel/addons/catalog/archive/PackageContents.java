package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import java.util.List;

/**
 * What a package holds, read without extracting it (for publishing and for {@code pack}).
 *
 * @param entries every entry name, sorted
 * @param tables  the tables its migrations create
 */
public record PackageContents(Manifest manifest, List<String> entries, List<String> tables) {

    public PackageContents {
        entries = List.copyOf(entries);
        tables = List.copyOf(tables);
    }

    /** @return what the catalog carries for this package under {@code custom} */
    public ManifestSummary summary() {
        return ManifestSummary.fromManifest(manifest, tables);
    }
}
