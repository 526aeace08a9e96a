package com.nextpanel.addons.agent.backup;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One backup as {@code GET /agent/v1/backups} lists it, read from its {@code manifest.json}.
 *
 * @param backupId its id, also its folder name under {@code DIR/backups/}
 * @param scope {@code addon} (one addon's schema and files)
 * @param addonId the addon backed up
 * @param addonVersion the version installed when it was taken
 * @param coreVersion the billing core's version then
 * @param method how the database part was taken: {@code H2 SCRIPT} or {@code pg_dump}
 * @param createdAt when it was taken
 * @param sizeBytes the total size of its files
 * @param files every file of the backup with its SHA-256, relative to the backup folder
 */
public record BackupView(String backupId, String scope, String addonId, String addonVersion, String coreVersion,
                         String method, Instant createdAt, long sizeBytes, List<BackupFile> files) {

    public BackupView {
        Objects.requireNonNull(backupId, "backupId");
        files = List.copyOf(files);
    }

    /** A file of a backup: path relative to the backup folder, size and SHA-256 (hex). */
    public record BackupFile(String path, long size, String sha256) {
    }
}
