package com.nextpanel.addons.agent.host;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Everything the host needs to load and start one addon version.
 *
 * @param id the addon id
 * @param version its version
 * @param stagedDir the staged package: {@code addon.json}, {@code lib/*.jar}, {@code migrations/}
 * @param entrypoint the class implementing {@code Addon}, from the manifest
 * @param routePrefixes the route prefixes the manifest declares under {@code /api/v1/}
 * @param requiredAddons the ids in the manifest's {@code requires.addons}: the addons whose routes it may call
 * @param schema the addon's schema, {@code addon_<id>}
 * @param dataSource connects as the addon's own database role (from {@code AddonDatabases.dataSource})
 * @param configuration the addon's configuration; empty when none
 */
public record ActivationRequest(String id, String version, Path stagedDir, String entrypoint,
        List<String> routePrefixes, List<String> requiredAddons, String schema, DataSource dataSource, Map<String, String> configuration) {

    public ActivationRequest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(stagedDir, "stagedDir");
        Objects.requireNonNull(entrypoint, "entrypoint");
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(dataSource, "dataSource");
        routePrefixes = List.copyOf(routePrefixes);
        requiredAddons = List.copyOf(requiredAddons);
        configuration = Map.copyOf(configuration);
    }

    /** @return the directory of the addon's jars */
    public Path libDir() {
        return stagedDir.resolve("lib");
    }

    @Override
    public String toString() {
        return "addon " + id + " " + version;
    }
}
