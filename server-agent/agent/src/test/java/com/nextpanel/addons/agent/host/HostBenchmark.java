package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.isolation.AddonDatabase;
import com.nextpanel.addons.agent.isolation.AddonDatabases;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bench runner, not a test: prints latencies of the host's and the isolation's steps. Run with
 * {@code ./mvnw -B -q verify -pl server-agent/agent -am -Dtest=HostBenchmark -Dbench=true
 * -Dsurefire.failIfNoSpecifiedTests=false} and read {@code target/surefire-reports/*HostBenchmark-output.txt}.
 */
@EnabledIfSystemProperty(named = "bench", matches = "true")
class HostBenchmark {

    private static final int WARMUP = 20;
    private static final int RUNS = 100;

    @TempDir
    Path tmp;

    @OnEachDatabase
    void provisionMigrateActivateDeactivateDrop(DatabaseTarget target) throws Exception {
        DatabaseConfig config = target.postgres()
                .map(pg -> new DatabaseConfig(pg.jdbcUrl(), pg.user(), pg.password()))
                .orElseGet(() -> DatabaseConfig.h2In(tmp));
        BuiltAddon addon = TestAddonBuilder.addon("bench").permission("billing.customers:read")
                .migration("V1__init.sql", "CREATE TABLE sessions (id INT PRIMARY KEY, topic VARCHAR(100));"
                        + " CREATE INDEX sessions_topic ON sessions (topic);")
                .echoRoute(HttpMethod.GET, "/api/v1/bench/{id}").buildDirectory(tmp);
        try (Database database = Database.open(config);
             AddonDatabases databases = new AddonDatabases(database);
             HostServer server = new HostServer()) {
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA billing");
                s.execute("CREATE TABLE billing.customers (id BIGINT PRIMARY KEY, name VARCHAR(100))");
            }
            long[][] t = new long[6][RUNS];
            for (int i = -WARMUP; i < RUNS; i++) {
                long t0 = System.nanoTime();
                AddonDatabase db = databases.provision(addon.id(), addon.permissions());
                long t1 = System.nanoTime();
                databases.dataSource(addon.id());
                long tPool = System.nanoTime();
                databases.migrate(db, addon.migrations());
                long t2 = System.nanoTime();
                server.host.activate(new ActivationRequest(addon.id(), addon.version(), addon.directory(),
                        addon.entrypoint(), addon.routePrefixes(), addon.requiredAddons(), db.schema(),
                        databases.dataSource(addon.id()), Map.of()));
                long t3 = System.nanoTime();
                server.host.deactivate(addon.id());
                long t4 = System.nanoTime();
                databases.drop(addon.id());
                long t5 = System.nanoTime();
                if (i >= 0) {
                    t[0][i] = t1 - t0;
                    t[1][i] = t2 - tPool;
                    t[5][i] = tPool - t1;
                    t[2][i] = t3 - t2;
                    t[3][i] = t4 - t3;
                    t[4][i] = t5 - t4;
                }
            }
            String[] names = {"provision", "migrate (1 file, Flyway)", "activate (load+start+health+publish)",
                    "deactivate (unpublish+drain+stop+close)", "drop", "open the addon's pool (in migrate's place)"};
            System.out.println("HostBenchmark on " + target + ", " + RUNS + " runs after " + WARMUP + " warm-up");
            for (int k = 0; k < names.length; k++) {
                long[] sorted = t[k].clone();
                Arrays.sort(sorted);
                System.out.printf("  %-42s p50 %7.2f ms  p90 %7.2f ms%n", names[k], sorted[RUNS / 2] / 1e6,
                        sorted[RUNS * 9 / 10] / 1e6);
            }
        }
    }
}
