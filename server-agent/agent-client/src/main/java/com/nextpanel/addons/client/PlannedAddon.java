package com.nextpanel.addons.client;

import java.util.Objects;
import java.util.Optional;

/**
 * One addon a plan touches: the one asked for, or a dependency that comes along ({@code dependency}
 * true). {@code action} is what happens to it ({@code install}, {@code update}, {@code uninstall});
 * {@code fromVersion} is the version installed now, for updates.
 */
public record PlannedAddon(String id, String version, String action, boolean dependency, Optional<String> fromVersion) {
    public PlannedAddon {
        Objects.requireNonNull(id, "id");
        version = version == null ? "" : version;
        action = action == null ? "" : action;
        fromVersion = fromVersion == null ? Optional.empty() : fromVersion;
    }
}
