package com.nextpanel.addons.agent.host;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the addon host.
 *
 * @param drainTimeout how long deactivation waits for an addon's requests in progress before it stops the addon
 * @param maxBodyBytes the largest request body an addon route accepts; larger ones get 413
 */
public record HostSettings(Duration drainTimeout, int maxBodyBytes) {

    public HostSettings {
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        if (drainTimeout.isNegative() || maxBodyBytes < 0) {
            throw new IllegalArgumentException("drain timeout and body limit must not be negative");
        }
    }

    /** @return 30 s drain, 1 MiB bodies */
    public static HostSettings defaults() {
        return new HostSettings(Duration.ofSeconds(30), 1 << 20);
    }
}
