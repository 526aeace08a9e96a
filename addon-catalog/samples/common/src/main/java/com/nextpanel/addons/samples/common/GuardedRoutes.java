package com.nextpanel.addons.samples.common;

import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.RouteHandler;
import com.nextpanel.addons.spi.RouteRegistry;

/**
 * A route registry that answers a handler's {@link RouteProblem} with its status and an
 * {@link IllegalArgumentException} (a malformed body, a bad field) with 400, both in the
 * {@code {"error","message"}} shape; anything else goes on to the host, which answers 500 and logs it.
 */
public final class GuardedRoutes implements RouteRegistry {

    private final RouteRegistry routes;

    /** @param routes the host's registry ({@code AddonContext.routes()}) */
    public GuardedRoutes(RouteRegistry routes) {
        this.routes = routes;
    }

    @Override
    public void add(HttpMethod method, String path, RouteHandler handler) {
        routes.add(method, path, request -> {
            try {
                return handler.handle(request);
            } catch (RouteProblem problem) {
                return AddonResponse.error(problem.status(), problem.error(), problem.getMessage());
            } catch (IllegalArgumentException badInput) {
                return AddonResponse.badRequest(badInput.getMessage());
            }
        });
    }
}
