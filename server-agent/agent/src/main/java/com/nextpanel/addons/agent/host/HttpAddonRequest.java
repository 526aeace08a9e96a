package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.spi.AddonRequest;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.Json;
import java.util.Map;
import java.util.Optional;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.util.Fields;

/** An {@link AddonRequest} over a Jetty request whose body was already read (within the size cap). */
final class HttpAddonRequest implements AddonRequest {

    private final HttpMethod method;
    private final String path;
    private final Map<String, String> pathParams;
    private final Fields query;
    private final HttpFields headers;
    private final String body;

    HttpAddonRequest(HttpMethod method, String path, Map<String, String> pathParams, Fields query,
            HttpFields headers, String body) {
        this.method = method;
        this.path = path;
        this.pathParams = pathParams;
        this.query = query;
        this.headers = headers;
        this.body = body;
    }

    @Override
    public HttpMethod method() {
        return method;
    }

    @Override
    public String path() {
        return path;
    }

    @Override
    public String pathParam(String name) {
        String value = pathParams.get(name);
        if (value == null) {
            throw new IllegalArgumentException("the route of " + path + " has no path parameter " + name);
        }
        return value;
    }

    @Override
    public Optional<String> queryParam(String name) {
        return Optional.ofNullable(query.getValue(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name));
    }

    @Override
    public String body() {
        return body;
    }

    /** Marks a malformed body so that the handler answers 400 rather than 500. */
    @Override
    public Map<String, Object> jsonBody() {
        try {
            return Json.parseObject(body);
        } catch (IllegalArgumentException e) {
            throw new MalformedBodyException("the request body is not a JSON object: " + e.getMessage(), e);
        }
    }

    /** A body that {@link #jsonBody()} cannot read: the client's fault. */
    static final class MalformedBodyException extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        MalformedBodyException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
