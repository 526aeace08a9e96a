package com.nextpanel.addons.agent.backup;

import java.util.Map;
import java.util.Objects;

/**
 * How backups are kept.
 *
 * @param keep how many backups retention keeps per scope ({@code full}, {@code addon}, {@code pre-update}; the
 *             addon scopes count per addon), each at least 1; a scope not named keeps {@link #DEFAULT_KEEP}
 * @param freeSpace how much room a new backup has (the file store's, or a test's)
 */
public record BackupSettings(Map<String, Integer> keep, FreeSpace freeSpace) {

    public static final int DEFAULT_KEEP = 10;

    public BackupSettings {
        keep = Map.copyOf(keep);
        keep.forEach((scope, n) -> {
            if (!BackupManifest.SCOPES.contains(scope)) {
                throw new IllegalArgumentException("retention: unknown backup scope '" + scope + "' (one of "
                        + BackupManifest.SCOPES + ")");
            }
            if (n < 1) {
                throw new IllegalArgumentException("retention must keep at least 1 backup of scope " + scope
                        + ", not " + n);
            }
        });
        Objects.requireNonNull(freeSpace, "freeSpace");
    }

    /** The same retention for every scope. */
    public BackupSettings(int keepEach, FreeSpace freeSpace) {
        this(Map.of(BackupManifest.FULL, keepEach, BackupManifest.ADDON, keepEach, BackupManifest.PRE_UPDATE,
                keepEach), freeSpace);
    }

    /** The system property that sets retention per scope, e.g. {@code -Dnextpanel.backup.keep=full=5,pre-update=3}. */
    public static final String KEEP_PROPERTY = "nextpanel.backup.keep";

    /** @return retention from {@value #KEEP_PROPERTY} when set, else {@link #DEFAULT_KEEP} for every scope */
    public static BackupSettings defaults() {
        String spec = System.getProperty(KEEP_PROPERTY, "").trim();
        return spec.isEmpty() ? new BackupSettings(Map.of(), FreeSpace.ofFileStore()) : parse(spec);
    }

    /**
     * Parses {@code full=5,addon=10,pre-update=3}.
     *
     * @throws IllegalArgumentException naming the bad entry
     */
    public static BackupSettings parse(String spec) {
        Map<String, Integer> keep = new java.util.LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String[] kv = entry.trim().split("=", 2);
            try {
                keep.put(kv[0].trim(), Integer.parseInt(kv[1].trim()));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("retention: '" + entry + "' is not SCOPE=N (e.g. full=5)");
            }
        }
        return new BackupSettings(keep, FreeSpace.ofFileStore());
    }

    /** @return how many backups of {@code scope} retention keeps */
    public int keep(String scope) {
        return keep.getOrDefault(scope, DEFAULT_KEEP);
    }
}
