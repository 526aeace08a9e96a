package com.nextpanel.addons.benchmarks;

import com.nextpanel.addons.catalog.archive.PackageReader;
import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The floor under an install: the work no install can skip, done alone with the same libraries. Flyway migrate of
 * the addon's own migrations into a fresh schema (and the drop of it), and the signature and hash checks (a fresh
 * TUF refresh of the catalog plus length and SHA-256 of the package).
 */
public final class Floor {

    private final Path catalogDir;
    private final String addonId;
    private final CatalogTarget target;
    private final Path migrations;

    public Floor(Path catalogDir, String addonId, Path scratch) {
        this.catalogDir = catalogDir;
        this.addonId = addonId;
        this.target = refresh().latest(addonId).orElseThrow(() ->
                new IllegalStateException(addonId + " is not in the catalog " + catalogDir));
        this.migrations = extractMigrations(catalogDir.resolve(target.path()), scratch.resolve("floor-migrations"));
    }

    /** @return the package the agent installs: {@code packages/<id>-<latest>.zip} */
    public CatalogTarget target() {
        return target;
    }

    /** The signature and hash checks alone. @return ns */
    public long verifyNanos() {
        long t0 = System.nanoTime();
        VerifiedCatalog catalog = refresh();
        CatalogTarget t = catalog.findByPath(target.path()).orElseThrow();
        PackageReader.verify(catalogDir.resolve(t.path()), t.length(), t.sha256());
        return System.nanoTime() - t0;
    }

    /** Flyway migrate of the addon's SQL into a fresh schema {@code addon_<id>}. @return ns */
    public long migrateNanos(DataSource dataSource) {
        long t0 = System.nanoTime();
        Flyway.configure().dataSource(dataSource).schemas(schema()).createSchemas(true)
                .table("flyway_schema_history").locations("filesystem:" + migrations).group(true)
                .load().migrate();
        return System.nanoTime() - t0;
    }

    /** {@code DROP SCHEMA addon_<id> CASCADE}. @return ns */
    public long dropNanos(DataSource dataSource) {
        long t0 = System.nanoTime();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema() + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot drop " + schema() + ": " + e.getMessage(), e);
        }
        return System.nanoTime() - t0;
    }

    private String schema() {
        return "addon_" + addonId;
    }

    private VerifiedCatalog refresh() {
        return CatalogClient.builder(catalogDir.toString()).trustedRoot(catalogDir.resolve("root.json")).build().refresh();
    }

    private static Path extractMigrations(Path zip, Path dir) {
        try {
            Files.createDirectories(dir);
            try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
                for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                    String name = e.getName();
                    if (name.startsWith("migrations/") && name.endsWith(".sql")) {
                        Files.write(dir.resolve(name.substring("migrations/".length())), readAll(in));
                    }
                }
            }
            return dir.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the migrations of " + zip, e);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        return in.readAllBytes();
    }
}
