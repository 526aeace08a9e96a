package com.nextpanel.addons.client;

import com.fasterxml.jackson.annotation.JsonAlias;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One backup, from {@code GET /agent/v1/backups}: its id, scope ({@code full} or {@code addon}), the
 * addon it holds for an addon backup, when it was taken, its size and the versions it captured
 * (addon id, or {@code core} / {@code agent}, to version).
 */
public record BackupInfo(
        String backupId,
        String scope,
        @JsonAlias({"id", "addon"}) Optional<String> addonId,
        Optional<Instant> createdAt,
        @JsonAlias("size") Optional<Long> sizeBytes,
        Map<String, String> versions) {

    public BackupInfo {
        Objects.requireNonNull(backupId, "backupId");
        scope = scope == null ? "" : scope;
        addonId = addonId == null ? Optional.empty() : addonId;
        createdAt = createdAt == null ? Optional.empty() : createdAt;
        sizeBytes = sizeBytes == null ? Optional.empty() : sizeBytes;
        versions = versions == null ? Map.of() : Map.copyOf(versions);
    }
}
