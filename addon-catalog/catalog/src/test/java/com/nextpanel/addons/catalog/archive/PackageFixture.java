package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.version.Version;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.time.LocalDateTime;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.zip.ZipEntry;

/**
 * Builds a valid addon package (manifest, a real jar, migrations) as a zip or as a source directory,
 * with hooks to spoil it. Start from {@link #addon(String, String)}.
 */
public final class PackageFixture {

    private String id;
    private String version;
    private String manifestJson;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    private PackageFixture(String id, String version) {
        this.id = id;
        this.version = version;
        files.put("lib/" + id + ".jar", jar(id));
        files.put("migrations/V1__create_tables.sql",
                ("CREATE TABLE " + id + "_items (id BIGINT PRIMARY KEY, name VARCHAR(200));\n")
                        .getBytes(StandardCharsets.UTF_8));
    }

    public static PackageFixture addon(String id, String version) {
        return new PackageFixture(id, version);
    }

    /** The manifest this fixture writes, unless {@link #manifest(String)} replaced it. */
    public static String manifestJson(String id, String version) {
        return """
                {
                  "id": "%1$s",
                  "name": "Addon %1$s",
                  "version": "%2$s",
                  "description": "A test addon.",
                  "category": "Testing",
                  "entrypoint": "com.example.%1$s.MainAddon",
                  "routes": ["/api/v1/%1$s"],
                  "requires": {"core": ">=1.0.0 <2.0.0", "addons": {}},
                  "conflicts": [],
                  "permissions": ["billing.customers:read"]
                }
                """.formatted(id, version);
    }

    public PackageFixture manifest(String json) {
        this.manifestJson = json;
        return this;
    }

    public PackageFixture file(String name, String text) {
        return file(name, text.getBytes(StandardCharsets.UTF_8));
    }

    public PackageFixture file(String name, byte[] data) {
        files.put(name, data);
        return this;
    }

    public PackageFixture without(String name) {
        files.remove(name);
        return this;
    }

    /** @return the entries as a {@link ZipFixture}, manifest first, for further spoiling */
    public ZipFixture zipFixture() {
        ZipFixture zip = ZipFixture.zip().entry("addon.json", manifest());
        files.forEach(zip::entry);
        return zip;
    }

    public Path writeZip(Path file) {
        return zipFixture().write(file);
    }

    /** Lays the package out as a source directory, for {@link PackageWriter}. */
    public Path writeSource(Path dir) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("addon.json"), manifest());
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                Path target = dir.resolve(file.getKey());
                Files.createDirectories(target.getParent());
                Files.write(target, file.getValue());
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return what a catalog would promise for {@code zip}, as this fixture's id and version */
    public ExpectedTarget expected(Path zip) {
        return expectedFor(zip, id, version);
    }

    public static ExpectedTarget expectedFor(Path zip, String id, String version) {
        try {
            return new ExpectedTarget(id, Version.parse(version), Files.size(zip), PackageReader.sha256Hex(zip));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private String manifest() {
        return manifestJson != null ? manifestJson : manifestJson(id, version);
    }

    /** A real (tiny) jar with a manifest and one resource; the same bytes for the same id, whenever it is made. */
    static byte[] jar(String id) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            java.util.jar.Manifest manifest = new java.util.jar.Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            try (JarOutputStream jar = new JarOutputStream(bytes)) {
                jar.putNextEntry(fixedTime(new ZipEntry(JarFile.MANIFEST_NAME)));
                manifest.write(jar);
                jar.closeEntry();
                jar.putNextEntry(fixedTime(new ZipEntry("com/example/" + id + "/addon.properties")));
                jar.write(("id=" + id + "\n").getBytes(StandardCharsets.UTF_8));
                jar.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ZipEntry fixedTime(ZipEntry entry) {
        entry.setTimeLocal(LocalDateTime.of(2020, 1, 1, 0, 0));
        return entry;
    }
}
