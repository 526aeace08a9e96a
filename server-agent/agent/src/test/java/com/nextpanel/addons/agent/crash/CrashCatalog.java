package com.nextpanel.addons.agent.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.catalog.tuf.CatalogPublisher;
import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The signed catalog every crash case installs from, built once per test JVM: {@code greeter} 1.0.0 (a table,
 * a seed row, a route counting the rows, a route adding one) and 1.1.0 (two more migrations: a column and a row).
 */
record CrashCatalog(Path dir, Path root) {

    static final String ADDON = "greeter";
    static final String OLD = "1.0.0";
    static final String NEW = "1.1.0";
    /** The greeter's route; its status and body are part of the world. */
    static final String ROUTE = "/api/v1/greeter/count";

    /** Adds a row (once): how a case changes the addon's rows after a backup. */
    static final String MORE = "/api/v1/greeter/more";

    private static CrashCatalog shared;

    /** @return the catalog, built on first use in a temporary directory */
    static synchronized CrashCatalog shared() {
        if (shared == null) {
            try {
                shared = build(AgentLauncher.temporaryDirectory("crash-catalog"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    static TestAddonBuilder greeter(String version) {
        TestAddonBuilder b = TestAddonBuilder.addon(ADDON).version(version)
                .migration("V1__init.sql", "CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(50));")
                .migration("V2__seed.sql", "INSERT INTO greeting (id, text) VALUES (1, 'hello');")
                .queryRoute(ROUTE, "SELECT COUNT(*) FROM greeting")
                .updateRoute(HttpMethod.POST, MORE, "INSERT INTO greeting (id, text) VALUES (3, 'more')");
        if (version.equals(NEW)) {
            b.migration("V3__mood.sql", "ALTER TABLE greeting ADD COLUMN mood VARCHAR(20) DEFAULT 'calm' NOT NULL;")
                    .migration("V4__more.sql", "INSERT INTO greeting (id, text) VALUES (2, 'updated');");
        }
        return b;
    }

    private static CrashCatalog build(Path tmp) throws IOException {
        Path catalog = tmp.resolve("catalog");
        Path build = Files.createDirectories(tmp.resolve("build"));
        List<CatalogPublisher.NewTarget> targets = new ArrayList<>();
        for (String version : List.of(OLD, NEW)) {
            Path zip = build.resolve(ADDON + "-" + version + ".zip");
            BuiltAddon addon = greeter(version).buildZip(zip);
            JsonNode summary = new ObjectMapper().readTree(Files.readString(addon.manifest()));
            targets.add(new CatalogPublisher.NewTarget("packages/" + ADDON + "-" + version + ".zip", zip, summary));
        }
        new CatalogPublisher(catalog, Keyring.generate(new SecureRandom()), Clock.systemUTC(), Map.of())
                .publish(targets);
        return new CrashCatalog(catalog, catalog.resolve("root.json"));
    }
}
