package com.nextpanel.addons.agent.api;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.eclipse.jetty.http.pathmap.UriTemplatePathSpec;

/**
 * One method and path template, e.g. {@code POST /agent/v1/addons/{id}/disable}, and its endpoint.
 *
 * @param method   the HTTP method
 * @param template the path with {@code {name}} segments
 * @param endpoint what answers it
 */
public record Route(String method, String template, Endpoint endpoint) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(endpoint, "endpoint");
        new UriTemplatePathSpec(template);
    }

    public static Route get(String template, Endpoint endpoint) {
        return new Route("GET", template, endpoint);
    }

    public static Route post(String template, Endpoint endpoint) {
        return new Route("POST", template, endpoint);
    }

    public static Route put(String template, Endpoint endpoint) {
        return new Route("PUT", template, endpoint);
    }

    public static Route delete(String template, Endpoint endpoint) {
        return new Route("DELETE", template, endpoint);
    }

    /** A route with its compiled template. */
    record Compiled(Route route, UriTemplatePathSpec spec) {
        Compiled(Route route) {
            this(route, new UriTemplatePathSpec(route.template()));
        }

        Optional<Map<String, String>> match(String path) {
            return spec.matches(path) ? Optional.of(spec.getPathParams(path)) : Optional.empty();
        }
    }
}
