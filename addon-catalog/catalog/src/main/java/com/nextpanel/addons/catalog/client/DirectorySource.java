package com.nextpanel.addons.catalog.client;

import com.nextpanel.addons.catalog.tuf.TargetPaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/** A catalog in a local directory. */
public record DirectorySource(Path dir) implements CatalogSource {

    @Override
    public Optional<InputStream> open(String relativePath) throws IOException {
        try {
            return Optional.of(Files.newInputStream(resolve(relativePath)));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    @Override
    public String locate(String relativePath) {
        return resolve(relativePath).toString();
    }

    private Path resolve(String relativePath) {
        TargetPaths.requireSafe(relativePath);
        return dir.resolve(relativePath);
    }
}
