package com.nextpanel.addons.catalog.version;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.util.Objects;
import java.util.Optional;
import org.semver4j.Semver;

/**
 * A SemVer 2.0 version, parsed strictly by semver4j (no {@code v} prefix, no missing parts, no
 * surrounding blanks). Ordering follows SemVer precedence: pre-releases sort before their release and
 * build metadata is ignored. Equality is on the full text, so {@code 1.0.0+a} and {@code 1.0.0+b} are
 * different versions that compare as equal; catalogs should not publish both.
 * Serialised by Jackson as its string.
 */
public final class Version implements Comparable<Version> {

    private final Semver semver;

    private Version(Semver semver) {
        this.semver = semver;
    }

    /**
     * @throws CatalogException {@link ErrorCode#VERSION_INVALID} naming the text
     */
    @JsonCreator
    public static Version parse(String text) {
        return tryParse(text).orElseThrow(() -> new CatalogException(ErrorCode.VERSION_INVALID,
                "not a SemVer 2.0 version: '" + text + "' (expected MAJOR.MINOR.PATCH, e.g. 1.2.0)"));
    }

    /** @return the version, or empty when the text is not exactly a SemVer 2.0 version */
    public static Optional<Version> tryParse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        Semver parsed = Semver.parse(text);
        // semver4j trims blanks and accepts a leading "v"; a manifest must spell the version exactly.
        if (parsed == null || !parsed.getVersion().equals(text)) {
            return Optional.empty();
        }
        return Optional.of(new Version(parsed));
    }

    public static Version of(int major, int minor, int patch) {
        return new Version(Semver.of(major, minor, patch));
    }

    public int major() {
        return semver.getMajor();
    }

    public int minor() {
        return semver.getMinor();
    }

    public int patch() {
        return semver.getPatch();
    }

    /** @return true for a version with a pre-release part, such as {@code 1.1.0-rc.1} */
    public boolean isPreRelease() {
        return !semver.getPreRelease().isEmpty();
    }

    Semver semver() {
        return semver;
    }

    @Override
    public int compareTo(Version other) {
        return semver.compareTo(other.semver);
    }

    public boolean isNewerThan(Version other) {
        return compareTo(other) > 0;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Version v && semver.getVersion().equals(v.semver.getVersion());
    }

    @Override
    public int hashCode() {
        return Objects.hash(semver.getVersion());
    }

    @JsonValue
    @Override
    public String toString() {
        return semver.getVersion();
    }
}
