package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.host.ActivationRequest;
import com.nextpanel.addons.agent.host.AddonHost;
import com.nextpanel.addons.agent.host.AddonWrapper;
import com.nextpanel.addons.catalog.manifest.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@link AddonRuntime} over the addon host: prepare (load, start, health) then publish (atomic swap). */
public final class HostRuntime implements AddonRuntime {

    private final AddonHost host;
    private final AddonSchemas schemas;

    public HostRuntime(AddonHost host, AddonSchemas schemas) {
        this.host = host;
        this.schemas = schemas;
    }

    @Override
    public void activate(Manifest m, Path stagedDir) {
        ActivationRequest request = new ActivationRequest(m.id(), m.version().toString(), stagedDir, m.entrypoint(),
                m.routes(), List.copyOf(m.requires().addons().keySet()), Manifests.schema(m.id()),
                schemas.dataSource(m.id()), Map.of());
        AddonWrapper prepared = host.prepare(request);
        host.publish(prepared);
    }

    @Override
    public void deactivate(String id) {
        host.deactivate(id);
    }

    @Override
    public Optional<String> activeVersion(String id) {
        return host.active(id).map(AddonWrapper::version);
    }

    @Override
    public void checkPrefixesFree(String id, List<String> prefixes) {
        host.checkPrefixesFree(id, prefixes);
    }
}
