package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.ManifestReader;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.manifest.Permission;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;

/**
 * The agent's side of the catalog's manifest types: reading a staged {@code addon.json} with the catalog's
 * {@link ManifestReader} (its errors as agent errors), and the few names the engine derives from a manifest.
 */
final class Manifests {

    private Manifests() {
    }

    /**
     * @return the manifest of a staged version, {@code dir/addon.json}
     * @throws AgentException {@code BAD_REQUEST} naming the file and every problem; {@code INTERNAL} when unreadable
     */
    static Manifest staged(Path dir) {
        try {
            return ManifestReader.read(dir.resolve("addon.json"));
        } catch (CatalogException e) {
            throw new AgentException(e.code() == com.nextpanel.addons.catalog.ErrorCode.IO ? ErrorCode.INTERNAL
                    : ErrorCode.BAD_REQUEST, e.getMessage(), e);
        }
    }

    /** @return what the resolver knows of an installed addon (its tables are not needed to plan) */
    static ManifestSummary summary(Manifest installed) {
        return ManifestSummary.fromManifest(installed, List.of());
    }

    /** @return the schema of the addon's tables, e.g. {@code addon_greeter} */
    static String schema(String id) {
        return "addon_" + id;
    }

    /** @return the permissions as the manifest writes them, e.g. {@code billing.customers:read} */
    static List<String> permissions(Collection<Permission> permissions) {
        return permissions.stream().map(Permission::toString).toList();
    }
}
