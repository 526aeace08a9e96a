package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.RouteRegistry;
import java.util.Map;
import javax.sql.DataSource;

/** The context a harness gives an addon: the manifest's id and version, its schema, its role's data source. */
record HarnessContext(HarnessManifest manifest, DataSource dataSource, Map<String, String> configuration,
        RouteRegistry routes, Dependencies dependencies) implements AddonContext {

    /** How the harness answers {@link #callDependency}. */
    @FunctionalInterface
    interface Dependencies {
        AddonResponse call(HarnessManifest caller, HttpMethod method, String target, String body) throws Exception;
    }

    @Override
    public AddonResponse callDependency(HttpMethod method, String target, String body) throws Exception {
        return dependencies.call(manifest, method, target, body);
    }

    @Override
    public String addonId() {
        return manifest.id();
    }

    @Override
    public String version() {
        return manifest.version();
    }

    @Override
    public String schema() {
        return manifest.schema();
    }

    @Override
    public System.Logger logger() {
        return System.getLogger("addon." + manifest.id());
    }
}
