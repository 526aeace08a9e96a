package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HttpMethod;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Finds the route for a request in the current table and runs its handler inside the owner's in-flight count, with
 * the owner's classloader as context loader. Shared by HTTP requests and calls between addons.
 */
final class RouteDispatcher {

    private static final int MAX_ATTEMPTS = 3;

    private final Supplier<RouteTable> tables;

    RouteDispatcher(Supplier<RouteTable> tables) {
        this.tables = tables;
    }

    RouteTable table() {
        return tables.get();
    }

    /**
     * @param request the request; its path parameters are bound here
     * @param allowed which owners may answer (all for HTTP, the required addons for a dependency call)
     * @return the handler's answer
     * @throws AgentException {@code NOT_FOUND} or {@code METHOD_NOT_ALLOWED} when no allowed route matches,
     *         {@code UNAVAILABLE} when the owner kept being unloaded (an update's swap)
     * @throws RouteFailure wrapping what the handler threw
     */
    AddonResponse dispatch(HttpAddonRequest request, List<String> segments, Predicate<RouteOwner> allowed)
            throws RouteFailure {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            RouteTable table = tables.get();
            Optional<RouteMatch> match = table.match(request.method(), segments)
                    .filter(m -> allowed.test(m.route().owner()));
            if (match.isEmpty()) {
                if (table.matchesAnyMethod(segments)) {
                    throw new AgentException(ErrorCode.METHOD_NOT_ALLOWED,
                            request.method() + " is not allowed on " + request.path());
                }
                throw new AgentException(ErrorCode.NOT_FOUND, "no route for " + request.method() + " " + request.path());
            }
            Route route = match.get().route();
            InFlight inFlight = route.owner().inFlight();
            if (!inFlight.enter()) {
                continue; // its addon is being unloaded and no longer in the table: look again (an update's new version)
            }
            try {
                HttpAddonRequest bound = request.withPathParams(match.get().pathParams());
                return AddonWrapper.callIn(route.owner().classLoader(), () -> route.handler().handle(bound));
            } catch (Exception | LinkageError | AssertionError e) {
                throw new RouteFailure(route, e);
            } finally {
                inFlight.exit();
            }
        }
        throw new AgentException(ErrorCode.UNAVAILABLE, "the routes for " + request.path() + " are being replaced");
    }

    /** What a route's handler threw, with the route. */
    static final class RouteFailure extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Route route;

        RouteFailure(Route route, Throwable cause) {
            super(route.describe(), cause);
            this.route = route;
        }

        Route route() {
            return route;
        }
    }
}
