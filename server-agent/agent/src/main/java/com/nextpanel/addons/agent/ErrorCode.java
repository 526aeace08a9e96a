package com.nextpanel.addons.agent;

/**
 * Every error the agent reports, with the HTTP status it maps to. The API writes them as
 * {@code {"error": code(), "message": ...}} in one place.
 */
public enum ErrorCode {
    BAD_REQUEST(400),
    UNAUTHORIZED(401),
    FORBIDDEN(403),
    NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    CONFLICT(409),
    PAYLOAD_TOO_LARGE(413),
    CATALOG_UNTRUSTED(502),
    /** The addon routes for a path are being replaced; try again. */
    UNAVAILABLE(503),
    INTERNAL(500);

    private final int httpStatus;

    ErrorCode(int httpStatus) {
        this.httpStatus = httpStatus;
    }

    /** @return the HTTP status this error is answered with */
    public int httpStatus() {
        return httpStatus;
    }

    /** @return the machine-readable code in error bodies, e.g. {@code not_found} */
    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
