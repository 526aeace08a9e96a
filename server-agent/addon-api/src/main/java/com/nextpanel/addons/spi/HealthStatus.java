package com.nextpanel.addons.spi;

import java.util.Objects;

/**
 * The answer of {@link Addon#health()}.
 *
 * @param healthy whether the addon can serve
 * @param message a short explanation shown to administrators, never null
 */
public record HealthStatus(boolean healthy, String message) {

    public HealthStatus {
        Objects.requireNonNull(message, "message");
    }

    /** @return a healthy status */
    public static HealthStatus up() {
        return new HealthStatus(true, "UP");
    }

    /**
     * @param reason why the addon cannot serve
     * @return an unhealthy status
     */
    public static HealthStatus down(String reason) {
        return new HealthStatus(false, reason);
    }
}
