package com.nextpanel.addons.catalog.archive;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which entry names a package may hold. A package holds {@code addon.json}, {@code lib/<name>.jar} and
 * {@code migrations/<file>} (optionally the directory entries {@code lib/} and {@code migrations/}),
 * nothing else; every name is relative, uses {@code /}, and has no {@code .} or {@code ..} segment.
 */
final class EntryRules {

    static final String MANIFEST = "addon.json";
    private static final Pattern JAR = Pattern.compile("lib/[^/]+\\.jar");
    private static final Pattern MIGRATION = Pattern.compile("migrations/[^/]+");
    private static final Pattern DRIVE = Pattern.compile("^[A-Za-z]:.*");
    private static final int S_IFLNK = 0120000;
    private static final int S_IFREG = 0100000;
    private static final int S_IFDIR = 0040000;

    private EntryRules() {
    }

    /** @return why the name is unsafe or unexpected, or empty when it is acceptable */
    static Optional<String> nameError(String name) {
        if (name.isEmpty()) {
            return Optional.of("empty entry name");
        }
        if (name.indexOf('\\') >= 0) {
            return Optional.of("backslash in name");
        }
        if (name.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("control character in name");
        }
        if (name.startsWith("/") || DRIVE.matcher(name).matches()) {
            return Optional.of("absolute name");
        }
        String[] segments = name.split("/", -1);
        for (int i = 0; i < segments.length; i++) {
            String segment = segments[i];
            if (segment.equals("..") || segment.equals(".")) {
                return Optional.of("'" + segment + "' segment in name");
            }
            if (segment.isEmpty() && i < segments.length - 1) {
                return Optional.of("empty segment ('//') in name");
            }
        }
        return layoutError(name);
    }

    /** @return why a (safe) name does not belong in a package, or empty when it does */
    static Optional<String> layoutError(String name) {
        if (name.equals(MANIFEST) || name.equals("lib/") || name.equals("migrations/")
                || JAR.matcher(name).matches() || MIGRATION.matcher(name).matches()) {
            return Optional.empty();
        }
        return Optional.of("unexpected entry: a package holds only addon.json, lib/*.jar and migrations/V<n>__<name>.sql");
    }

    /** @return why the Unix file type is refused, or empty for a plain file or directory (or none given) */
    static Optional<String> typeError(int unixMode) {
        int type = unixMode & 0170000;
        if (type == S_IFLNK) {
            return Optional.of("symbolic link");
        }
        if (type != 0 && type != S_IFREG && type != S_IFDIR) {
            return Optional.of("special file (mode " + Integer.toOctalString(unixMode) + ")");
        }
        return Optional.empty();
    }

    /**
     * The key under which two names count as the same file on some file system: Unicode NFC, then case
     * folded (upper then lower, so that {@code ß} and {@code SS} meet).
     */
    static String collisionKey(String name) {
        return Normalizer.normalize(name, Normalizer.Form.NFC).toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
    }
}
