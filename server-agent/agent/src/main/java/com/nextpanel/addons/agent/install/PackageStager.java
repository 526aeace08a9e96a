package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.catalog.archive.ExpectedTarget;
import com.nextpanel.addons.catalog.archive.StagedPackage;
import java.nio.file.Path;

/** Extracts a verified package into its staging directory, safely. */
public interface PackageStager {

    /**
     * Extracts {@code zip}, checked against {@code expected}, into {@code target} (which must not exist yet)
     * and returns what it staged, with its manifest.
     *
     * @throws com.nextpanel.addons.agent.AgentException {@code BAD_REQUEST} naming the entry for a path that
     *         escapes, a link, an absolute name, a duplicate, or a package over the size or entry limits; then
     *         {@code target} does not exist
     */
    StagedPackage stage(Path zip, ExpectedTarget expected, Path target);
}
