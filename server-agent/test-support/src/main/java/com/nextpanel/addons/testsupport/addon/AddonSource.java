package com.nextpanel.addons.testsupport.addon;

import java.nio.file.Path;
import java.util.List;

/**
 * Where a harness finds one version of an addon in a source tree.
 *
 * @param manifest its {@code addon.json}
 * @param migrationDirs directories holding its {@code V<n>__<name>.sql} files; together they make the version's
 *     {@code migrations/} (an update's directory list includes the older versions' directories)
 */
public record AddonSource(Path manifest, List<Path> migrationDirs) {

    public AddonSource {
        migrationDirs = List.copyOf(migrationDirs);
    }

    /**
     * @param manifest the {@code addon.json}
     * @param migrationDirs the directories of its migrations, in any order
     * @return the source
     */
    public static AddonSource of(Path manifest, Path... migrationDirs) {
        return new AddonSource(manifest, List.of(migrationDirs));
    }

    /**
     * @param packageDir a directory laid out like a package: {@code addon.json} and {@code migrations/}
     * @return the source
     */
    public static AddonSource packageDir(Path packageDir) {
        return of(packageDir.resolve("addon.json"), packageDir.resolve("migrations"));
    }
}
