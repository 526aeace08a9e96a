package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.Manifest;
import com.nextpanel.addons.catalog.manifest.TableScanner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A package safely extracted into its own directory.
 *
 * @param dir        the directory holding {@code addon.json}, {@code lib/} and {@code migrations/}
 * @param manifest   the manifest read from it, matching the catalog's id and version
 * @param jars       {@code lib/*.jar}, sorted by name
 * @param migrations {@code migrations/V<n>__<name>.sql}, in version order
 */
public record StagedPackage(Path dir, Manifest manifest, List<Path> jars, List<Path> migrations) {

    public StagedPackage {
        jars = List.copyOf(jars);
        migrations = List.copyOf(migrations);
    }

    /** @return the tables its migrations create ({@link TableScanner}) */
    public List<String> tables() {
        List<String> scripts = new ArrayList<>();
        for (Path migration : migrations) {
            try {
                scripts.add(Files.readString(migration, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new CatalogException(ErrorCode.IO, "cannot read " + migration + ": " + e.getMessage(), e);
            }
        }
        return TableScanner.createdTables(scripts);
    }
}
