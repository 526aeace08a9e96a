package com.nextpanel.addons.agent.host;

import java.util.Map;

/**
 * A route that matched a request, with the request's path parameters.
 *
 * @param route the route
 * @param pathParams decoded parameter values by name
 */
public record RouteMatch(Route route, Map<String, String> pathParams) {

    public RouteMatch {
        pathParams = Map.copyOf(pathParams);
    }
}
