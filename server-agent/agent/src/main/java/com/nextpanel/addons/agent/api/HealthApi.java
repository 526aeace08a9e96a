package com.nextpanel.addons.agent.api;

import java.util.List;
import java.util.Map;

/** {@code GET /agent/v1/health} and {@code GET /api/v1/health}: 200 {@code {"status":"UP"}}, no token needed. */
public final class HealthApi implements ApiResource {

    private static final Map<String, String> UP = Map.of("status", "UP");

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/agent/v1/health", exchange -> exchange.ok(UP)),
                Route.get("/api/v1/health", exchange -> exchange.ok(UP)));
    }
}
