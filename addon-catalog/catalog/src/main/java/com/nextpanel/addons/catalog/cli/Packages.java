package com.nextpanel.addons.catalog.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.tuf.TufJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The CLI's view of an addon package: its manifest's id, version and the summary signed under {@code custom}.
 * (Interim reader until the archive package's safe reader is merged in.)
 */
final class Packages {

    /** What a package declares about itself. */
    record Declared(String id, String version, JsonNode summary) {
    }

    private Packages() {
    }

    static Declared read(Path zip) {
        try (ZipFile file = new ZipFile(zip.toFile())) {
            ZipEntry entry = file.getEntry("addon.json");
            if (entry == null) {
                throw new CatalogException(ErrorCode.METADATA_MALFORMED, zip + ": no addon.json");
            }
            byte[] bytes;
            try (InputStream in = file.getInputStream(entry)) {
                bytes = in.readNBytes(1024 * 1024);
            }
            ObjectNode manifest = TufJson.parseObject(bytes, zip + "!addon.json");
            ObjectNode summary = TufJson.object();
            for (String field : new String[] {"id", "name", "version", "description", "category", "requires", "routes",
                "permissions", "conflicts"}) {
                if (manifest.has(field)) {
                    summary.set(field, manifest.get(field));
                }
            }
            return new Declared(manifest.path("id").asText(), manifest.path("version").asText(), summary);
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED, zip + ": not a readable zip (" + e.getMessage() + ")", e);
        }
    }

    static void pack(Path srcDir, Path out) {
        throw new CatalogException(ErrorCode.IO, "pack: waiting for the archive package");
    }
}
