package com.nextpanel.addons.client;

import java.util.Objects;
import java.util.Optional;

/** Body of {@code POST /agent/v1/backups}: {@code {"scope":"full"}} or {@code {"scope":"addon","id"}}. */
public record BackupRequest(String scope, Optional<String> id) {
    public BackupRequest {
        Objects.requireNonNull(scope, "scope");
        id = id == null ? Optional.empty() : id;
    }

    public static BackupRequest full() {
        return new BackupRequest("full", Optional.empty());
    }

    public static BackupRequest addon(String id) {
        return new BackupRequest("addon", Optional.of(Objects.requireNonNull(id, "id")));
    }
}
