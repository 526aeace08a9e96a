package com.nextpanel.addons.agent.host;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.isolation.AddonDatabase;
import com.nextpanel.addons.agent.isolation.AddonDatabases;
import com.nextpanel.addons.agent.isolation.DatabaseCatalogSnapshot;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;

/** An addon hosted for real: its own schema, role and migrations, its routes reaching only what it was granted. */
class HostedAddonIsolationTest {

    @TempDir
    Path tmp;

    @OnEachDatabase
    void addonCodeReachesItsTablesAndGrantedCoreTablesOnlyAndUninstallLeavesNothing(DatabaseTarget target)
            throws Exception {
        DatabaseConfig config = target.postgres()
                .map(pg -> new DatabaseConfig(pg.jdbcUrl(), pg.user(), pg.password()))
                .orElseGet(() -> DatabaseConfig.h2In(tmp));
        try (Database database = Database.open(config);
             AddonDatabases databases = new AddonDatabases(database);
             HostServer server = new HostServer()) {
            try (Connection c = database.connection(); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA billing");
                s.execute("CREATE TABLE billing.customers (id BIGINT PRIMARY KEY, name VARCHAR(100))");
                s.execute("CREATE TABLE billing.invoices (id BIGINT PRIMARY KEY, total DECIMAL(10,2))");
                s.execute("INSERT INTO billing.customers VALUES (1, 'Ada')");
            }
            DatabaseCatalogSnapshot before = DatabaseCatalogSnapshot.take(database.dataSource());
            BuiltAddon addon = TestAddonBuilder.addon("notes").permission("billing.customers:read")
                    .migration("V1__notes.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));"
                            + " INSERT INTO notes VALUES (1, 'first');")
                    .queryRoute("/api/v1/notes/own", "SELECT body FROM notes WHERE id = 1")
                    .queryRoute("/api/v1/notes/customers", "SELECT name FROM billing.customers WHERE id = 1")
                    .queryRoute("/api/v1/notes/invoices", "SELECT COUNT(*) FROM billing.invoices")
                    .buildDirectory(tmp);

            AddonDatabase db = databases.provision(addon.id(), addon.permissions());
            assertThat(databases.migrate(db, addon.migrations()).applied()).containsExactly("1 notes");
            server.host.activate(new ActivationRequest(addon.id(), addon.version(), addon.directory(),
                    addon.entrypoint(), addon.routePrefixes(), addon.requiredAddons(), db.schema(),
                    databases.dataSource(addon.id()), Map.of()));

            assertThat(server.get("/api/v1/notes/own").getContent()).isEqualTo("{\"value\":\"first\"}");
            assertThat(server.get("/api/v1/notes/customers").getContent()).isEqualTo("{\"value\":\"Ada\"}");
            assertThat(server.get("/api/v1/notes/invoices").getStatus()).isEqualTo(500);

            server.host.deactivate(addon.id());
            databases.drop(addon.id());

            assertThat(server.get("/api/v1/notes/own").getStatus()).isEqualTo(404);
            assertThat(before.differences(DatabaseCatalogSnapshot.take(database.dataSource()))).isEmpty();
        }
    }
}
