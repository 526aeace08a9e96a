package com.nextpanel.addons.agent.host;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the addon host.
 *
 * @param drainTimeout how long deactivation waits for an addon's requests in progress before it stops the addon
 * @param maxBodyBytes the largest request body an addon route accepts; larger ones get 413
 * @param startTimeout how long an addon's {@code start()}, and then its first health check, may take before the
 *                     activation fails (and an install or enable rolls back)
 */
public record HostSettings(Duration drainTimeout, int maxBodyBytes, Duration startTimeout) {

    /** The default {@link #startTimeout}. */
    public static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    public HostSettings {
        Objects.requireNonNull(drainTimeout, "drainTimeout");
        Objects.requireNonNull(startTimeout, "startTimeout");
        if (drainTimeout.isNegative() || maxBodyBytes < 0) {
            throw new IllegalArgumentException("drain timeout and body limit must not be negative");
        }
        if (startTimeout.isNegative() || startTimeout.isZero()) {
            throw new IllegalArgumentException("start timeout must be positive: " + startTimeout);
        }
    }

    /** With the default {@link #START_TIMEOUT}. */
    public HostSettings(Duration drainTimeout, int maxBodyBytes) {
        this(drainTimeout, maxBodyBytes, START_TIMEOUT);
    }

    /** @return 30 s drain, 1 MiB bodies, 30 s start */
    public static HostSettings defaults() {
        return new HostSettings(Duration.ofSeconds(30), 1 << 20, START_TIMEOUT);
    }

    public HostSettings withStartTimeout(Duration timeout) {
        return new HostSettings(drainTimeout, maxBodyBytes, timeout);
    }
}
