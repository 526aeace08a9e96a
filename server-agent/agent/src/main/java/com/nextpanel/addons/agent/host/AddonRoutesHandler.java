package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.server.ErrorWriter;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HttpMethod;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves addon routes: matches a request under {@code /api/v1/} against the current {@link RouteTable}, calls the
 * addon's handler (see {@link RouteDispatcher}) and writes its answer. The host's own refusals go out through the
 * agent's one {@link ErrorWriter}: 404 when no route matches, 405 when only other methods do, 400 for a body
 * {@code jsonBody()} cannot read, 413 for a body over the cap, 500 when the handler throws, 503 during a swap. Requests outside {@code /api/v1/} are left to other handlers.
 * Mount it after the core's routes, behind authentication.
 */
public final class AddonRoutesHandler extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(AddonRoutesHandler.class);

    private final RouteDispatcher dispatcher;
    private final int maxBodyBytes;

    AddonRoutesHandler(RouteDispatcher dispatcher, int maxBodyBytes) {
        this.dispatcher = dispatcher;
        this.maxBodyBytes = maxBodyBytes;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        String rawPath = request.getHttpURI().getPath();
        if (rawPath == null || !rawPath.startsWith(RoutePattern.API_ROOT)) {
            return false;
        }
        try {
            write(response, callback, answer(request));
        } catch (AgentException e) {
            ErrorWriter.write(response, callback, e);
        }
        return true;
    }

    /**
     * @return the addon's answer
     * @throws AgentException what the host refuses: a malformed URI or body, no route, a body over the cap, an addon
     *         that failed or answered nothing
     */
    private AddonResponse answer(Request request) throws IOException {
        List<String> segments;
        Map<String, String> query;
        try {
            segments = decodeSegments(request.getHttpURI().getPath());
            query = QueryString.parse(request.getHttpURI().getQuery());
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "malformed request URI " + request.getHttpURI());
        }
        String path = "/" + String.join("/", segments);
        Optional<HttpMethod> method = method(request.getMethod());
        if (method.isEmpty()) {
            if (dispatcher.table().matchesAnyMethod(segments)) {
                throw new AgentException(ErrorCode.METHOD_NOT_ALLOWED, request.getMethod() + " is not allowed on "
                        + path);
            }
            throw new AgentException(ErrorCode.NOT_FOUND, "no route for " + request.getMethod() + " " + path);
        }
        if (dispatcher.table().match(method.get(), segments).isEmpty()) {
            // answered before reading a body that nobody wants
            return dispatch(new HttpAddonRequest(method.get(), path, query, n -> null, ""), segments);
        }
        String body = readBody(request).orElseThrow(() -> new AgentException(ErrorCode.PAYLOAD_TOO_LARGE,
                "request body over " + maxBodyBytes + " bytes"));
        return dispatch(new HttpAddonRequest(method.get(), path, query, name -> request.getHeaders().get(name), body),
                segments);
    }

    private AddonResponse dispatch(HttpAddonRequest request, List<String> segments) {
        try {
            AddonResponse answer = dispatcher.dispatch(request, segments, owner -> true);
            if (answer == null) {
                throw new AgentException(ErrorCode.INTERNAL, "an addon answered nothing on " + request.method() + " "
                        + request.path());
            }
            return answer;
        } catch (RouteDispatcher.RouteFailure failure) {
            Route route = failure.route();
            if (failure.getCause() instanceof HttpAddonRequest.MalformedBodyException malformed) {
                throw new AgentException(ErrorCode.BAD_REQUEST, malformed.getMessage());
            }
            LOG.warn("addon {} failed on {} {}", route.owner(), request.method(), request.path(),
                    AddonFailure.of("route " + route.describe(), failure.getCause()));
            throw new AgentException(ErrorCode.INTERNAL, "addon " + route.owner().addonId() + " failed to answer "
                    + route.describe());
        }
    }

    /** Writes what the addon answered; the host's own errors go through {@link ErrorWriter}. */
    private static void write(Response response, Callback callback, AddonResponse answer) {
        response.setStatus(answer.status());
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, answer.contentType());
        response.write(true, ByteBuffer.wrap(answer.body().getBytes(StandardCharsets.UTF_8)), callback);
    }

    /** @return the body, or empty when it is over the cap */
    private Optional<String> readBody(Request request) throws IOException {
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

    static Optional<HttpMethod> method(String name) {
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
