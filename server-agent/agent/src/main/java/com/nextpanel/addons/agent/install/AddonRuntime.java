package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.catalog.manifest.Manifest;
import java.nio.file.Path;
import java.util.Optional;

/** Loads and unloads addon code and routes: what the activate and deactivate steps need. */
public interface AddonRuntime {

    /**
     * Loads, starts and health-checks the addon from its staged directory and publishes its routes; if another
     * version of the same addon is active, replaces it in one atomic swap.
     *
     * @throws com.nextpanel.addons.agent.AgentException when it cannot start or is unhealthy; then nothing changed
     */
    void activate(Manifest manifest, Path stagedDir);

    /** Takes the addon's routes out, drains its requests and unloads its code. Idempotent. */
    void deactivate(String id);

    /** @return the version active now */
    Optional<String> activeVersion(String id);

    /**
     * @throws com.nextpanel.addons.agent.AgentException {@code CONFLICT} naming the prefix and its owner when one of
     *         {@code prefixes} is taken by the core or another addon
     */
    void checkPrefixesFree(String id, java.util.List<String> prefixes);
}
