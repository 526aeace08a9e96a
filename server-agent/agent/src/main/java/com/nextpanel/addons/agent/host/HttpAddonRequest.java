package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.spi.AddonRequest;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.Json;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/** An {@link AddonRequest} whose body was already read (within the size cap). */
final class HttpAddonRequest implements AddonRequest {

    private final HttpMethod method;
    private final String path;
    private final Map<String, String> pathParams;
    private final Map<String, String> query;
    private final Function<String, String> headers;
    private final String body;

    /**
     * @param headers a header's first value by case-insensitive name, or null
     */
    HttpAddonRequest(HttpMethod method, String path, Map<String, String> query, Function<String, String> headers,
            String body) {
        this(method, path, Map.of(), query, headers, body);
    }

    private HttpAddonRequest(HttpMethod method, String path, Map<String, String> pathParams,
            Map<String, String> query, Function<String, String> headers, String body) {
        this.method = method;
        this.path = path;
        this.pathParams = Map.copyOf(pathParams);
        this.query = Map.copyOf(query);
        this.headers = headers;
        this.body = body;
    }

    HttpAddonRequest withPathParams(Map<String, String> params) {
        return new HttpAddonRequest(method, path, params, query, headers, body);
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
        return Optional.ofNullable(query.get(name));
    }

    @Override
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.apply(name));
    }

    @Override
    public String body() {
        return body;
    }

    /** Marks a malformed body so that the host answers 400 rather than 500. */
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
