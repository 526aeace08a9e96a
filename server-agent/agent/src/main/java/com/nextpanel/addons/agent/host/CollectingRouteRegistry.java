package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.RouteHandler;
import com.nextpanel.addons.spi.RouteRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The {@link RouteRegistry} an addon sees during {@code start}: checks and collects its routes; the host publishes
 * them all at once afterwards. Closed when {@code start} returns.
 */
final class CollectingRouteRegistry implements RouteRegistry {

    private final RouteOwner owner;
    private final List<String> prefixes;
    private final List<Route> routes = new ArrayList<>();
    private final Set<String> shapes = new HashSet<>();
    private volatile boolean closed;

    CollectingRouteRegistry(RouteOwner owner, List<String> prefixes) {
        this.owner = owner;
        this.prefixes = List.copyOf(prefixes);
    }

    @Override
    public synchronized void add(HttpMethod method, String path, RouteHandler handler) {
        if (closed) {
            throw new IllegalStateException("addon " + owner.addonId() + " may register routes only during start");
        }
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(handler, "handler");
        RoutePattern pattern = RoutePattern.parse(path);
        if (prefixes.stream().noneMatch(pattern::isUnder)) {
            throw new IllegalArgumentException("addon " + owner.addonId() + " route " + path
                    + " lies outside its declared prefixes " + prefixes);
        }
        if (!shapes.add(method + " " + pattern.shape())) {
            throw new IllegalArgumentException("addon " + owner.addonId() + " registers " + method + " " + path
                    + " twice");
        }
        routes.add(new Route(method, pattern, handler, owner));
    }

    synchronized List<Route> close() {
        closed = true;
        return List.copyOf(routes);
    }
}
