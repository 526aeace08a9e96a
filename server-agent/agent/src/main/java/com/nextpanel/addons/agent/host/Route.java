package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.RouteHandler;
import java.util.Objects;

/**
 * One published route.
 *
 * @param method its HTTP method
 * @param pattern its path pattern
 * @param handler the addon's handler
 * @param owner the addon it belongs to
 */
public record Route(HttpMethod method, RoutePattern pattern, RouteHandler handler, RouteOwner owner) {

    public Route {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(pattern, "pattern");
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(owner, "owner");
    }

    /** @return e.g. {@code GET /api/v1/chat/sessions/{id}} */
    public String describe() {
        return method + " " + pattern.text();
    }
}
