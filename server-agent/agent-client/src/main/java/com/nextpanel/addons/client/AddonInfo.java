package com.nextpanel.addons.client;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** One installed addon, from {@code GET /agent/v1/addons}. */
public record AddonInfo(String id, String version, AddonState state, Optional<Instant> installedAt) {
    public AddonInfo {
        Objects.requireNonNull(id, "id");
        version = version == null ? "" : version;
        state = state == null ? AddonState.UNKNOWN : state;
        installedAt = installedAt == null ? Optional.empty() : installedAt;
    }
}
