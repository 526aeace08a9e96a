package com.nextpanel.addons.agent.backup;

/**
 * How backups are kept.
 *
 * @param keep how many backups of each scope (full, or one addon) retention keeps, at least 1
 * @param freeSpace how much room a new backup has (the file store's, or a test's)
 */
public record BackupSettings(int keep, FreeSpace freeSpace) {

    public static final int DEFAULT_KEEP = 10;

    public BackupSettings {
        if (keep < 1) {
            throw new IllegalArgumentException("retention must keep at least 1 backup, not " + keep);
        }
        java.util.Objects.requireNonNull(freeSpace, "freeSpace");
    }

    public static BackupSettings defaults() {
        return new BackupSettings(DEFAULT_KEEP, FreeSpace.ofFileStore());
    }
}
