package com.nextpanel.addons.agent.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * The one place that writes error answers: status from the {@link ErrorCode}, body
 * {@code {"error": code, "message": text}} (plus {@code "reasons": [...]} when there are several).
 */
public final class ErrorWriter {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CONTENT_TYPE = "application/json;charset=utf-8";

    private ErrorWriter() {
    }

    /** Answers {@code error}; fails the callback when the response was already committed. */
    public static void write(Response response, Callback callback, AgentException error) {
        write(response, callback, error.code().httpStatus(), error.code().code(), error.getMessage(),
                error.reasons());
    }

    /** Answers an error that has no {@link ErrorCode} of its own (a Jetty-level 404 or 405). */
    public static void write(Response response, Callback callback, int status, String error, String message,
                             List<String> reasons) {
        if (response.isCommitted()) {
            callback.failed(new IllegalStateException("response committed before error " + status + ": " + message));
            return;
        }
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, CONTENT_TYPE);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, ByteBuffer.wrap(body(error, message, reasons)), callback);
    }

    /** @return the error code for a bare HTTP status, e.g. {@code not_found} for 404 */
    public static String codeFor(int status) {
        for (ErrorCode code : ErrorCode.values()) {
            if (code.httpStatus() == status) {
                return code.code();
            }
        }
        return switch (status) {
            case 405 -> "method_not_allowed";
            case 415 -> "unsupported_media_type";
            case 503 -> "unavailable";
            default -> status >= 500 ? "internal" : "http_" + status;
        };
    }

    static byte[] body(String error, String message, List<String> reasons) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", error);
        body.put("message", message == null ? "" : message);
        if (!reasons.isEmpty()) {
            body.put("reasons", reasons);
        }
        try {
            return JSON.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            return ("{\"error\":\"internal\",\"message\":\"cannot write error\"}").getBytes(StandardCharsets.UTF_8);
        }
    }
}
