package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.RouteRegistry;
import java.util.Map;
import javax.sql.DataSource;

/** The context a harness gives an addon: the manifest's id and version, its schema, its role's data source. */
record HarnessContext(HarnessManifest manifest, DataSource dataSource, Map<String, String> configuration,
        RouteRegistry routes) implements AddonContext {

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
