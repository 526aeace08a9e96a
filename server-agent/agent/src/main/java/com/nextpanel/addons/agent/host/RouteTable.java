package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.spi.HttpMethod;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable snapshot of every published addon route and of who owns which route prefix. The host replaces the
 * whole table in one reference swap, so a request sees either the old or the new table, never a mix.
 */
public final class RouteTable {

    private static final RouteTable EMPTY = new RouteTable(List.of(), Map.of());

    private final List<Route> routes;
    private final Map<HttpMethod, List<Route>> byMethod;
    private final Map<String, String> prefixOwners;

    private RouteTable(List<Route> routes, Map<String, String> prefixOwners) {
        this.routes = List.copyOf(routes);
        this.prefixOwners = Map.copyOf(prefixOwners);
        Map<HttpMethod, List<Route>> index = new EnumMap<>(HttpMethod.class);
        for (HttpMethod method : HttpMethod.values()) {
            index.put(method, routes.stream().filter(r -> r.method() == method)
                    .sorted((a, b) -> a.pattern().compareTo(b.pattern())).toList());
        }
        this.byMethod = index;
    }

    /** @return a table without routes */
    public static RouteTable empty() {
        return EMPTY;
    }

    /** @return every route, in publication order */
    public List<Route> routes() {
        return routes;
    }

    /** @return each claimed prefix and the id of the addon that claims it */
    public Map<String, String> prefixOwners() {
        return prefixOwners;
    }

    /** @return the routes of one addon */
    public List<Route> routesOf(String addonId) {
        return routes.stream().filter(r -> r.owner().addonId().equals(addonId)).toList();
    }

    /**
     * @param method the request method
     * @param pathSegments the decoded segments of the request path
     * @return the most specific route that matches, with its path parameters
     */
    public Optional<RouteMatch> match(HttpMethod method, List<String> pathSegments) {
        for (Route route : byMethod.get(method)) {
            Optional<Map<String, String>> params = route.pattern().match(pathSegments);
            if (params.isPresent()) {
                return Optional.of(new RouteMatch(route, params.get()));
            }
        }
        return Optional.empty();
    }

    /** @return whether some route of another method matches the path (to answer 405 rather than 404) */
    boolean matchesAnyMethod(List<String> pathSegments) {
        return routes.stream().anyMatch(r -> r.pattern().match(pathSegments).isPresent());
    }

    /**
     * @return a new table where {@code addonId}'s routes and prefixes (if any) are replaced by the given ones;
     *         conflicts are the caller's to check first
     */
    RouteTable replacing(String addonId, Collection<String> prefixes, Collection<Route> addonRoutes) {
        List<Route> next = new ArrayList<>();
        routes.stream().filter(r -> !r.owner().addonId().equals(addonId)).forEach(next::add);
        next.addAll(addonRoutes);
        Map<String, String> owners = new LinkedHashMap<>();
        prefixOwners.forEach((prefix, owner) -> {
            if (!owner.equals(addonId)) {
                owners.put(prefix, owner);
            }
        });
        prefixes.forEach(prefix -> owners.put(prefix, addonId));
        return new RouteTable(next, owners);
    }

    /** @return a new table without {@code addonId}'s routes and prefixes */
    RouteTable without(String addonId) {
        return replacing(addonId, List.of(), List.of());
    }

    @Override
    public String toString() {
        return "RouteTable" + routes.stream().map(r -> r.describe() + " → " + r.owner()).toList();
    }
}
