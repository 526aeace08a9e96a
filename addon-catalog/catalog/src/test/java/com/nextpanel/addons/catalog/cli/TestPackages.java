package com.nextpanel.addons.catalog.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Real addon packages for CLI tests: a full addon.json, a lib jar and a migration. */
final class TestPackages {

    private TestPackages() {
    }

    static String manifest(String id, String version) {
        return """
                {
                  "id": "%1$s",
                  "name": "%1$s addon",
                  "version": "%2$s",
                  "description": "A test addon",
                  "category": "Support",
                  "entrypoint": "com.example.%1$s.Main",
                  "routes": ["/api/v1/%1$s"],
                  "requires": {"core": ">=1.0.0", "addons": {}},
                  "conflicts": [],
                  "permissions": ["billing.customers:read"]
                }
                """.formatted(id, version);
    }

    /** Writes the source directory {@code pack} takes. */
    static Path sourceDir(Path parent, String id, String version) throws IOException {
        Path dir = parent.resolve(id + "-" + version + "-src");
        Files.createDirectories(dir.resolve("lib"));
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("addon.json"), manifest(id, version));
        Files.write(dir.resolve("lib").resolve(id + ".jar"), jar());
        Files.writeString(dir.resolve("migrations").resolve("V1__init.sql"), "CREATE TABLE item (id BIGINT PRIMARY KEY);\n");
        return dir;
    }

    /** Writes a package zip directly. */
    static Path zip(Path parent, String id, String version) throws IOException {
        return zip(parent, id, version, "");
    }

    /** A package whose migration ends with {@code sqlComment}: same id and version, other bytes. */
    static Path zip(Path parent, String id, String version, String sqlComment) throws IOException {
        Path file = parent.resolve(id + "-" + version + ".zip");
        Files.createDirectories(parent);
        try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(os)) {
            put(zip, "addon.json", manifest(id, version).getBytes(StandardCharsets.UTF_8));
            put(zip, "lib/" + id + ".jar", jar());
            put(zip, "migrations/V1__init.sql", ("CREATE TABLE item (id BIGINT PRIMARY KEY);\n" + sqlComment)
                    .getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    /** Fixed entry times make the same package the same bytes, whenever it is built. */
    private static void put(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(315_532_800_000L);
        zip.putNextEntry(entry);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] jar() throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream jar = new ZipOutputStream(bytes)) {
            put(jar, "META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
