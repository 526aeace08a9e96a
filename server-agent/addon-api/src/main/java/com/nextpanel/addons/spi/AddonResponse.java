package com.nextpanel.addons.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What an addon route answers.
 *
 * @param status the HTTP status
 * @param contentType the media type of {@code body}
 * @param body the body text, sent as UTF-8; empty for none
 */
public record AddonResponse(int status, String contentType, String body) {

    private static final String JSON = "application/json";

    public AddonResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("HTTP status out of range: " + status);
        }
        Objects.requireNonNull(contentType, "contentType");
        Objects.requireNonNull(body, "body");
    }

    /**
     * @param status the HTTP status
     * @param value a value {@link Json#write} can write
     * @return a JSON response
     */
    public static AddonResponse json(int status, Object value) {
        return new AddonResponse(status, JSON, Json.write(value));
    }

    /** @return 200 with {@code value} as JSON */
    public static AddonResponse ok(Object value) {
        return json(200, value);
    }

    /** @return 201 with {@code value} as JSON */
    public static AddonResponse created(Object value) {
        return json(201, value);
    }

    /** @return 204 with no body */
    public static AddonResponse noContent() {
        return new AddonResponse(204, JSON, "");
    }

    /**
     * @param status an error status (4xx or 5xx)
     * @param error a short machine-readable code, e.g. {@code not_found}
     * @param message what went wrong, for people
     * @return an error in the agent's {@code {"error","message"}} shape
     */
    public static AddonResponse error(int status, String error, String message) {
        // ordered, so that every error body reads {"error","message"} like the agent's own
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message);
        return json(status, body);
    }

    /** @return 404 in the {@code {"error","message"}} shape */
    public static AddonResponse notFound(String message) {
        return error(404, "not_found", message);
    }

    /** @return 400 in the {@code {"error","message"}} shape */
    public static AddonResponse badRequest(String message) {
        return error(400, "bad_request", message);
    }
}
