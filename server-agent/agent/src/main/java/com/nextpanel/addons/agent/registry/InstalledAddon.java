package com.nextpanel.addons.agent.registry;

import java.time.Instant;
import java.util.Objects;

/**
 * One row of the registry.
 *
 * @param id the addon
 * @param version the installed version
 * @param state enabled, disabled or failed
 * @param installedAt when it was first installed (an update keeps it)
 */
public record InstalledAddon(String id, String version, AddonState state, Instant installedAt) {

    public InstalledAddon {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(installedAt, "installedAt");
    }
}
