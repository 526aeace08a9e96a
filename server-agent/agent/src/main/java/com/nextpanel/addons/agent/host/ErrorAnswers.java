package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.Json;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The host's own error answers, {@code {"error","message"}} in that order (the SPI's {@code AddonResponse.error}
 * builds its body from an unordered map).
 */
final class ErrorAnswers {

    private ErrorAnswers() {
    }

    static AddonResponse error(int status, String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return AddonResponse.json(status, body);
    }

    static AddonResponse notFound(String message) {
        return error(404, "not_found", message);
    }

    static AddonResponse badRequest(String message) {
        return error(400, "bad_request", message);
    }
}
