package com.nextpanel.addons.agent.host;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HttpMethod;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves addon routes: matches a request under {@code /api/v1/} against the current {@link RouteTable}, calls the
 * addon's handler inside its in-flight count and with its classloader as context loader, and writes its answer.
 * Answers 404 {@code {"error","message"}} when no route matches, 400 for a body {@code jsonBody()} cannot read,
 * 413 for a body over the cap and 500 when the handler throws. Requests outside {@code /api/v1/} are not handled.
 * Mount it after the core's routes, behind authentication.
 */
public final class AddonRoutesHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(AddonRoutesHandler.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_ATTEMPTS = 3;

    private final Supplier<RouteTable> tables;
    private final int maxBodyBytes;

    AddonRoutesHandler(Supplier<RouteTable> tables, int maxBodyBytes) {
        this.tables = tables;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || !rawPath.startsWith(RoutePattern.API_ROOT)) {
            return false;
        }
        List<String> segments;
        try {
            segments = decodeSegments(rawPath);
        } catch (IllegalArgumentException e) {
            return error(response, callback, 400, "bad_request", "malformed request path " + rawPath);
        }
        Optional<HttpMethod> method = method(request.getMethod());
        RouteTable table = tables.get();
        Optional<RouteMatch> match = method.flatMap(m -> table.match(m, segments));
        if (match.isEmpty()) {
            if (table.matchesAnyMethod(segments)) {
                return error(response, callback, 405, "method_not_allowed",
                        request.getMethod() + " is not allowed on " + rawPath);
            }
            return error(response, callback, 404, "not_found", "no route for " + request.getMethod() + " " + rawPath);
        }
        Optional<String> body = readBody(request);
        if (body.isEmpty()) {
            return error(response, callback, 413, "payload_too_large",
                    "request body over " + maxBodyBytes + " bytes");
        }
        String path = "/" + String.join("/", segments);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            RouteMatch current = match.get();
            RouteOwner owner = current.route().owner();
            if (owner.inFlight().enter()) {
                try {
                    return serve(current, new HttpAddonRequest(method.get(), path, current.pathParams(),
                            Request.extractQueryParameters(request), request.getHeaders(), body.get()),
                            response, callback);
                } finally {
                    owner.inFlight().exit();
                }
            }
            // Its addon is being unloaded: the table no longer holds it, so look again (an update's new version).
            match = tables.get().match(method.get(), segments);
            if (match.isEmpty()) {
                return error(response, callback, 404, "not_found",
                        "no route for " + request.getMethod() + " " + rawPath);
            }
        }
        return error(response, callback, 503, "unavailable", "addon routes for " + rawPath + " are being replaced");
    }

    private boolean serve(RouteMatch match, HttpAddonRequest addonRequest, Response response, Callback callback)
            throws JsonProcessingException {
        Route route = match.route();
        AddonResponse answer;
        try {
            answer = AddonWrapper.callIn(route.owner().classLoader(), () -> route.handler().handle(addonRequest));
        } catch (HttpAddonRequest.MalformedBodyException e) {
            return error(response, callback, 400, "bad_request", e.getMessage());
        } catch (Exception | LinkageError | AssertionError e) {
            LOG.warn("addon {} failed on {} {}", route.owner(), route.method(), addonRequest.path(),
                    AddonFailure.of("route " + route.describe(), e));
            return error(response, callback, 500, "internal",
                    "addon " + route.owner().addonId() + " failed to answer " + route.describe());
        }
        if (answer == null) {
            return error(response, callback, 500, "internal",
                    "addon " + route.owner().addonId() + " answered nothing on " + route.describe());
        }
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.write(true, ByteBuffer.wrap(answer.body().getBytes(StandardCharsets.UTF_8)), callback);
        return true;
    }

    /** @return the body, or empty when it is over the cap */
    private Optional<String> readBody(Request request) throws java.io.IOException {
        long declared = request.getHeaders().getLongField(HttpHeader.CONTENT_LENGTH);
        if (declared > maxBodyBytes) {
            return Optional.empty();
        }
        try (InputStream in = Request.asInputStream(request)) {
            byte[] bytes = in.readNBytes(maxBodyBytes + 1);
            if (bytes.length > maxBodyBytes) {
                return Optional.empty();
            }
            return Optional.of(new String(bytes, StandardCharsets.UTF_8));
        }
    }

    static boolean error(Response response, Callback callback, int status, String code, String message)
            throws JsonProcessingException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "application/json");
        response.write(true, ByteBuffer.wrap(JSON.writeValueAsBytes(body)), callback);
        return true;
    }

    private static Optional<HttpMethod> method(String name) {
        try {
            return Optional.of(HttpMethod.valueOf(name));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Splits the encoded path at {@code /} first, then decodes each segment, so {@code %2F} stays inside one. */
    static List<String> decodeSegments(String rawPath) {
        List<String> segments = new ArrayList<>();
        for (String segment : rawPath.substring(1).split("/", -1)) {
            segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return segments;
    }
}
