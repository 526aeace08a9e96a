package com.nextpanel.addons.catalog.client;

import com.nextpanel.addons.catalog.archive.ExpectedTarget;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.version.Version;
import java.util.Objects;

/**
 * One package the verified catalog lists.
 *
 * @param path    its name in the catalog, {@code packages/<id>-<version>.zip}
 * @param length  its signed length in bytes
 * @param sha256  its signed SHA-256, lower-case hex
 * @param summary the manifest summary the publisher signed under {@code custom}
 */
public record CatalogTarget(String path, long length, String sha256, ManifestSummary summary) {

    public CatalogTarget {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(summary, "summary");
    }

    public String id() {
        return summary.id();
    }

    public Version version() {
        return summary.version();
    }

    /** What the safe package reader checks a downloaded file against. */
    public ExpectedTarget expected() {
        return new ExpectedTarget(summary.id(), summary.version(), length, sha256);
    }
}
