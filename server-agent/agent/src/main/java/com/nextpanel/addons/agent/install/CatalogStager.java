package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.archive.ExpectedTarget;
import com.nextpanel.addons.catalog.archive.PackageReader;
import com.nextpanel.addons.catalog.archive.StagedPackage;
import java.nio.file.Path;

/** Stages packages with the catalog library's {@link PackageReader}, which checks every entry before writing. */
public final class CatalogStager implements PackageStager {

    private final PackageReader reader = new PackageReader();

    @Override
    public StagedPackage stage(Path zip, ExpectedTarget expected, Path target) {
        try {
            StagedPackage staged = reader.extract(zip, expected, target);
            DiskOps.fsync(target.getParent());
            return staged;
        } catch (CatalogException e) {
            ErrorCode code = switch (e.code()) {
                case IO -> ErrorCode.INTERNAL;
                case LENGTH_MISMATCH, HASH_MISMATCH, PACKAGE_MISMATCH -> ErrorCode.CATALOG_UNTRUSTED;
                default -> ErrorCode.BAD_REQUEST;
            };
            throw new AgentException(code, zip.getFileName() + ": " + e.getMessage(), e);
        }
    }
}
