package com.nextpanel.addons.catalog.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.catalog.archive.ExpectedTarget;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import java.util.Objects;

/**
 * One package the verified catalog lists.
 *
 * @param path     its name in the catalog, {@code packages/<id>-<version>.zip}
 * @param length   its signed length in bytes
 * @param sha256   its signed SHA-256, lower-case hex
 * @param manifest the manifest summary the publisher signed under {@code custom}, typed
 */
public record CatalogTarget(String path, long length, String sha256, ManifestSummary manifest) {

    public CatalogTarget {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(manifest, "manifest");
    }

    public String id() {
        return manifest.id();
    }

    /** @return the SemVer text; {@code manifest().version()} is the comparable {@code Version} */
    public String version() {
        return manifest.version().toString();
    }

    /** @return the summary as JSON (the form targets.json carries under {@code custom}) */
    public JsonNode summary() {
        return SummaryJson.toCustom(manifest);
    }

    /** What the safe package reader checks a downloaded file against. */
    public ExpectedTarget expected() {
        return new ExpectedTarget(manifest.id(), manifest.version(), length, sha256);
    }
}
