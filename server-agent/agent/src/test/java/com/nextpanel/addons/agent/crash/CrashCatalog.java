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
 * a seed row, a route counting the rows, a route adding one) and 1.1.0 (two more migrations: a column and a row),
 * and {@code welcome} 1.0.0, which requires greeter (its own table and seed row, a route counting them): installing
 * it is the plan that repeats step names, one {@code download}, {@code stage}, {@code migrate} and {@code activate}
 * per addon.
 */
record CrashCatalog(Path dir, Path root) {

    static final String ADDON = "greeter";
    static final String OLD = "1.0.0";
    static final String NEW = "1.1.0";
    /** The greeter's route; its status and body are part of the world. */
    static final String ROUTE = "/api/v1/greeter/count";

    /** Adds a row (once): how a case changes the addon's rows after a backup. */
    static final String MORE = "/api/v1/greeter/more";

    /** The addon that requires greeter, and its route (part of the world too). */
    static final String DEPENDENT = "welcome";
    static final String DEPENDENT_ROUTE = "/api/v1/welcome/count";

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

    static TestAddonBuilder welcome() {
        return TestAddonBuilder.addon(DEPENDENT).version(OLD).requires(ADDON, "^1.0.0")
                .migration("V1__init.sql", "CREATE TABLE visit (id INT PRIMARY KEY, who VARCHAR(50));")
                .migration("V2__seed.sql", "INSERT INTO visit (id, who) VALUES (1, 'first');")
                .queryRoute(DEPENDENT_ROUTE, "SELECT COUNT(*) FROM visit");
    }

    private static CrashCatalog build(Path tmp) throws IOException {
        Path catalog = tmp.resolve("catalog");
        Path build = Files.createDirectories(tmp.resolve("build"));
        List<CatalogPublisher.NewTarget> targets = new ArrayList<>();
        Map<String, TestAddonBuilder> packages = new java.util.LinkedHashMap<>();
        packages.put(ADDON + "-" + OLD, greeter(OLD));
        packages.put(ADDON + "-" + NEW, greeter(NEW));
        packages.put(DEPENDENT + "-" + OLD, welcome());
        for (var p : packages.entrySet()) {
            Path zip = build.resolve(p.getKey() + ".zip");
            BuiltAddon addon = p.getValue().buildZip(zip);
            JsonNode summary = new ObjectMapper().readTree(Files.readString(addon.manifest()));
            targets.add(new CatalogPublisher.NewTarget("packages/" + p.getKey() + ".zip", zip, summary));
        }
        new CatalogPublisher(catalog, Keyring.generate(new SecureRandom()), Clock.systemUTC(), Map.of())
                .publish(targets);
        return new CrashCatalog(catalog, catalog.resolve("root.json"));
    }
}
