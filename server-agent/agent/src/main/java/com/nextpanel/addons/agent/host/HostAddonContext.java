package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.RouteRegistry;
import java.util.Map;
import javax.sql.DataSource;

/** The {@link AddonContext} the host hands an addon's {@code start}. */
final class HostAddonContext implements AddonContext {

    private final ActivationRequest request;
    private final RouteRegistry routes;
    private final System.Logger logger;
    private final DependencyCalls calls;

    HostAddonContext(ActivationRequest request, RouteRegistry routes, DependencyCalls calls) {
        this.request = request;
        this.routes = routes;
        this.calls = calls;
        this.logger = System.getLogger("addon." + request.id());
    }

    @Override
    public String addonId() {
        return request.id();
    }

    @Override
    public String version() {
        return request.version();
    }

    @Override
    public String schema() {
        return request.schema();
    }

    @Override
    public DataSource dataSource() {
        return request.dataSource();
    }

    @Override
    public Map<String, String> configuration() {
        return request.configuration();
    }

    @Override
    public System.Logger logger() {
        return logger;
    }

    @Override
    public RouteRegistry routes() {
        return routes;
    }

    @Override
    public AddonResponse callDependency(HttpMethod method, String target, String body) throws Exception {
        return calls.call(method, target, body);
    }
}
