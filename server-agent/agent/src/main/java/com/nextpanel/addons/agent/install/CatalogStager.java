package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.archive.ExpectedTarget;
import com.nextpanel.addons.catalog.archive.PackageReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Stages packages with the catalog library's {@link PackageReader}, which checks every entry before writing. */
public final class CatalogStager implements PackageStager {

    private final PackageReader reader = new PackageReader();

    @Override
    public AddonManifest stage(Path zip, ExpectedTarget expected, Path target) {
        try {
            reader.extract(zip, expected, target);
            DiskOps.fsync(target.getParent());
            return AddonManifest.parse(Files.readString(target.resolve("addon.json"), StandardCharsets.UTF_8),
                    zip.getFileName() + "!addon.json");
        } catch (CatalogException e) {
            ErrorCode code = switch (e.code()) {
                case IO -> ErrorCode.INTERNAL;
                case LENGTH_MISMATCH, HASH_MISMATCH, PACKAGE_MISMATCH -> ErrorCode.CATALOG_UNTRUSTED;
                default -> ErrorCode.BAD_REQUEST;
            };
            throw new AgentException(code, zip.getFileName() + ": " + e.getMessage(), e);
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot stage " + zip.getFileName() + " into " + target
                    + ": " + e.getMessage(), e);
        }
    }
}
