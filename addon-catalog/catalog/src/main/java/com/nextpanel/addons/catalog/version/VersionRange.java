package com.nextpanel.addons.catalog.version;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.util.Optional;
import java.util.regex.Pattern;
import org.semver4j.RangesList;
import org.semver4j.RangesListFactory;

/**
 * A range of versions in the npm notation semver4j implements: {@code ^1.2}, {@code ~1.2.3},
 * {@code >=1.0.0 <2.0.0}, {@code 1.x}, {@code 1.2.3 - 2.0.0}, {@code *}, alternatives joined by
 * {@code ||}. A pre-release satisfies a range only when the range names a pre-release of the same
 * MAJOR.MINOR.PATCH (npm semantics). Keeps its original text for {@link #toString()} and JSON.
 */
public final class VersionRange {

    private static final String PART = "(?:0|[1-9]\\d*|[xX*])";
    private static final String IDENT = "[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*";
    private static final Pattern COMPARATOR = Pattern.compile(
            "(?:\\^|~|>=|<=|>|<|=)?" + PART + "(?:\\." + PART + "(?:\\." + PART
                    + "(?:-" + IDENT + ")?(?:\\+" + IDENT + ")?)?)?");
    private static final Pattern BARE = Pattern.compile(
            PART + "(?:\\." + PART + "(?:\\." + PART + "(?:-" + IDENT + ")?(?:\\+" + IDENT + ")?)?)?");

    /** Any version at all. Declared after the patterns it is parsed with. */
    public static final VersionRange ANY = parse("*");

    private final String text;
    private final RangesList ranges;

    private VersionRange(String text, RangesList ranges) {
        this.text = text;
        this.ranges = ranges;
    }

    /**
     * @throws CatalogException {@link ErrorCode#RANGE_INVALID} naming the text
     */
    @JsonCreator
    public static VersionRange parse(String text) {
        return tryParse(text).orElseThrow(() -> new CatalogException(ErrorCode.RANGE_INVALID,
                "not a version range: '" + text + "' (e.g. ^1.2, ~1.2.3, >=1.0.0 <2.0.0, *)"));
    }

    /** @return the range, or empty when the text is not one */
    public static Optional<VersionRange> tryParse(String text) {
        if (text == null || text.isBlank() || !isWellFormed(text)) {
            return Optional.empty();
        }
        RangesList ranges = RangesListFactory.create(text);
        if (ranges.get().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new VersionRange(text, ranges));
    }

    /*
     * semver4j silently drops what it does not understand ("banana" becomes a range nothing satisfies,
     * ">=1.0.0 <2.0.0 junk" drops "junk"), so the grammar is checked here first; the meaning stays
     * semver4j's.
     */
    private static boolean isWellFormed(String text) {
        for (String alternative : text.split("\\|\\|", -1)) {
            String normalised = alternative.trim().replaceAll("(>=|<=|>|<|=|~|\\^)\\s+", "$1");
            if (normalised.isEmpty()) {
                return false;
            }
            String[] tokens = normalised.split("\\s+");
            if (tokens.length == 3 && tokens[1].equals("-")) {
                if (!BARE.matcher(tokens[0]).matches() || !BARE.matcher(tokens[2]).matches()) {
                    return false;
                }
                continue;
            }
            for (String token : tokens) {
                if (!COMPARATOR.matcher(token).matches()) {
                    return false;
                }
            }
        }
        return true;
    }

    public boolean isSatisfiedBy(Version version) {
        return ranges.isSatisfiedBy(version.semver());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VersionRange r && text.equals(r.text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }
}
