package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One installed addon, from {@code GET /agent/v1/addons}: {@code {"id","version","state","installedAt"}};
 * {@code name} and the manifest's {@code console} section (navigation items and declarative views) are read
 * when the agent adds them.
 */
public record AddonInfo(String id, String version, AddonState state, Optional<Instant> installedAt,
                        Optional<String> name, Optional<JsonNode> console) {
    public AddonInfo {
        Objects.requireNonNull(id, "id");
        version = version == null ? "" : version;
        state = state == null ? AddonState.UNKNOWN : state;
        installedAt = installedAt == null ? Optional.empty() : installedAt;
        name = name == null ? Optional.empty() : name;
        console = console == null || console.filter(c -> !c.isNull() && !c.isMissingNode()).isEmpty() ? Optional.empty() : console;
    }

    public AddonInfo(String id, String version, AddonState state, Optional<Instant> installedAt) {
        this(id, version, state, installedAt, Optional.empty(), Optional.empty());
    }
}
