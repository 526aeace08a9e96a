package com.nextpanel.addons.agent.registry;

import com.nextpanel.addons.catalog.manifest.Manifest;
import java.time.Instant;

/**
 * A registry row with the manifest text of the installed version.
 *
 * @param state the stored state: ENABLED or DISABLED ({@code FAILED} is never stored: it is what a start-up found)
 * @param manifestJson the {@link ManifestColumn} text, kept as stored (backups copy it as it is)
 */
public record RegistryRow(String id, String version, AddonState state, Instant installedAt, String manifestJson) {

    /**
     * @return the installed version's manifest
     * @throws com.nextpanel.addons.agent.AgentException {@code INTERNAL} when the column holds no valid manifest
     */
    public Manifest manifest() {
        return ManifestColumn.read(manifestJson, "registry row of " + id);
    }
}
