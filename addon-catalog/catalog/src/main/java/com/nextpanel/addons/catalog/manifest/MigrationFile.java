package com.nextpanel.addons.catalog.manifest;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A forward migration's file name, {@code V<version>__<description>.sql}, in Flyway's convention:
 * the version is numbers joined by {@code .} or {@code _} ({@code V1__init.sql}, {@code V1_1__backfill.sql}),
 * compared numerically with trailing zeros ignored, so {@code V1}, {@code V01} and {@code V1.0} are the
 * same version.
 *
 * @param fileName    the bare file name
 * @param version     the version as written ({@code 1_1})
 * @param description the part after {@code __}
 */
public record MigrationFile(String fileName, String version, String description) {

    private static final Pattern NAME = Pattern.compile("V(\\d+(?:[._]\\d+)*)__([A-Za-z0-9_]+)\\.sql");

    /** Orders by version, numerically. */
    public static final Comparator<MigrationFile> BY_VERSION = (a, b) -> compareParts(a.versionParts(), b.versionParts());

    /** @param fileName a bare file name, without {@code migrations/} */
    public static Optional<MigrationFile> parse(String fileName) {
        Matcher m = NAME.matcher(fileName);
        return m.matches() ? Optional.of(new MigrationFile(fileName, m.group(1), m.group(2))) : Optional.empty();
    }

    /** @return the version with its numbers joined by dots and trailing zeros dropped ({@code 01_1_0} → {@code 1.1}) */
    public String normalisedVersion() {
        List<BigInteger> parts = versionParts();
        StringBuilder sb = new StringBuilder();
        for (BigInteger part : parts) {
            sb.append(sb.length() == 0 ? "" : ".").append(part);
        }
        return sb.length() == 0 ? "0" : sb.toString();
    }

    private List<BigInteger> versionParts() {
        List<BigInteger> parts = new ArrayList<>();
        for (String p : version.split("[._]")) {
            parts.add(new BigInteger(p));
        }
        while (!parts.isEmpty() && parts.get(parts.size() - 1).signum() == 0) {
            parts.remove(parts.size() - 1);
        }
        return parts;
    }

    private static int compareParts(List<BigInteger> a, List<BigInteger> b) {
        for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
            BigInteger x = i < a.size() ? a.get(i) : BigInteger.ZERO;
            BigInteger y = i < b.size() ? b.get(i) : BigInteger.ZERO;
            int c = x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
