package com.nextpanel.addons.agent.install;

import java.nio.file.Path;

/**
 * Where an agent keeps addon files inside its data dir: staged packages {@code addons/<id>/<version>/}, the
 * verified download cache {@code cache/sha256/<hex>.zip}, backups {@code backups/<backupId>/}, and the registry
 * export {@code addon_registry.json}.
 */
public record AddonDirs(Path dataDir) {

    public AddonDirs {
        dataDir = dataDir.toAbsolutePath().normalize();
    }

    public Path addons() {
        return dataDir.resolve("addons");
    }

    public Path addon(String id) {
        return addons().resolve(id);
    }

    public Path staged(String id, String version) {
        return addon(id).resolve(version);
    }

    public Path cache() {
        return dataDir.resolve("cache").resolve("sha256");
    }

    public Path backups() {
        return dataDir.resolve("backups");
    }

    public Path registryExport() {
        return dataDir.resolve("addon_registry.json");
    }
}
