package com.nextpanel.addons.agent.backup;

import java.util.List;
import java.util.Map;

/**
 * One item of {@code GET /agent/v1/backups}: every scope, from the one store.
 *
 * @param addonId the addon of an {@code addon} or {@code pre-update} backup, empty for {@code full}
 * @param method {@code h2-script}, {@code pg_dump} or {@code jdbc-copy}
 * @param versions {@code agent}, {@code core} and {@code addon:<id>} for each captured addon
 */
public record BackupSummary(String backupId, String scope, String addonId, String createdAt, long sizeBytes,
                            String method, Map<String, String> versions, List<BackupManifest.FileEntry> files) {

    static BackupSummary of(BackupManifest m) {
        return new BackupSummary(m.backupId(), m.scope(), m.id(), m.createdAt(), m.sizeBytes(), m.method(),
                m.versions(), m.files());
    }
}
