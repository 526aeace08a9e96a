package com.nextpanel.addons.agent.install;

import java.util.Objects;
import java.util.Optional;

/**
 * One addon a plan touches.
 *
 * @param id the addon
 * @param version the version it will have (install, update) or has (uninstall, disable, enable)
 * @param fromVersion for an update: the version installed now; empty otherwise
 * @param dependency whether it comes along only as a dependency of the requested addon
 */
public record PlannedAddon(String id, String version, Optional<String> fromVersion, boolean dependency) {

    public PlannedAddon {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(fromVersion, "fromVersion");
    }
}
