package com.nextpanel.addons.client;

/** {@code GET /agent/v1/health}: {@code {"status":"UP"}}. */
public record Health(String status) {
    public boolean isUp() {
        return "UP".equalsIgnoreCase(status);
    }
}
