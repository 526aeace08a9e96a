package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.version.Version;
import java.util.Locale;
import java.util.Objects;

/**
 * What the verified catalog promises about a package: whose it is, and its exact length and SHA-256.
 *
 * @param sha256Hex lower- or upper-case hex, 64 digits
 */
public record ExpectedTarget(String id, Version version, long length, String sha256Hex) {

    public ExpectedTarget {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(sha256Hex, "sha256Hex");
        sha256Hex = sha256Hex.toLowerCase(Locale.ROOT);
        if (!sha256Hex.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in hex: " + sha256Hex);
        }
        if (length < 0) {
            throw new IllegalArgumentException("negative length " + length);
        }
    }
}
