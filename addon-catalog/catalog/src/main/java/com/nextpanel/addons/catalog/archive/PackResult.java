package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import java.nio.file.Path;

/**
 * A package {@link PackageWriter} made.
 *
 * @param zip       where it was written
 * @param summary   what the catalog should carry for it under {@code custom}
 * @param length    its length in bytes
 * @param sha256Hex its SHA-256, lower-case hex
 */
public record PackResult(Path zip, Manifest manifest, ManifestSummary summary, long length, String sha256Hex) {
}
