package com.nextpanel.addons.client;

import java.util.Objects;
import java.util.Optional;

/** Body of {@code POST /agent/v1/plan}: {@code {"action","id","version"}} (version optional). */
public record PlanRequest(PlanAction action, String id, Optional<String> version) {
    public PlanRequest {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(id, "id");
        version = version == null ? Optional.empty() : version;
    }

    public static PlanRequest of(PlanAction action, String id) {
        return new PlanRequest(action, id, Optional.empty());
    }

    public static PlanRequest of(PlanAction action, String id, String version) {
        return new PlanRequest(action, id, Optional.ofNullable(version));
    }
}
