package com.nextpanel.addons.agent.backup;

import java.util.Map;

/** One item of {@code GET /agent/v1/backups}. */
public record BackupSummary(String backupId, String scope, String id, String createdAt, long sizeBytes,
                            String method, Map<String, String> versions) {

    static BackupSummary of(BackupManifest m) {
        return new BackupSummary(m.backupId(), m.scope(), m.id(), m.createdAt(), m.sizeBytes(), m.method(),
                m.versions());
    }
}
