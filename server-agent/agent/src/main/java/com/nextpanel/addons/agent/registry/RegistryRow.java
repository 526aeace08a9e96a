package com.nextpanel.addons.agent.registry;

import java.time.Instant;

/**
 * A registry row with the manifest text of the installed version.
 *
 * @param state the stored state: ENABLED or DISABLED ({@code FAILED} is never stored: it is what a start-up found)
 */
public record RegistryRow(String id, String version, AddonState state, Instant installedAt, String manifestJson) {
}
