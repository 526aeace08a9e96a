package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.Addon;
import com.nextpanel.addons.spi.AddonContext;
import com.nextpanel.addons.spi.HttpMethod;

/** Requires {@code harness_probe} and answers with what its routes answer. */
public class DependentProbeAddon implements Addon {

    @Override
    public void start(AddonContext context) {
        context.routes().get("/api/v1/dependent/relay", request -> context.callDependency(HttpMethod.GET,
                request.queryParam("to").orElseThrow(), ""));
    }
}
