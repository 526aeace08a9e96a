package com.nextpanel.addons.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.agent.AgentConfig;
import com.nextpanel.addons.agent.testing.TestAgent;
import com.nextpanel.addons.catalog.tuf.CatalogPublisher;
import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.client.AgentClient;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole agent as shipped ({@code Agent.start} with the real job side) over HTTPS: an addon from a signed
 * catalog is installed through the API, its routes answer behind the same bearer tokens as the core, it comes
 * back after a restart, and after uninstall its routes answer 404 and its files are gone. Its code reaches its own
 * tables, and not the core tables it was not granted.
 */
@ExtendWith(PostgresExtension.class)
class AddonLifecycleOverHttpsTest {

    private static final Duration WAIT = Duration.ofSeconds(120);

    @OnEachDatabase
    void anAddonFromTheCatalogIsInstalledServedRestartedAndUninstalled(DatabaseTarget db, @TempDir Path tmp)
            throws Exception {
        Path catalog = tmp.resolve("catalog");
        BuiltAddon notes = TestAddonBuilder.addon("e2e_notes").version("1.0.0")
                .migration("V1__notes.sql", "CREATE TABLE notes (id INT PRIMARY KEY, body VARCHAR(100));"
                        + " INSERT INTO notes VALUES (1, 'first');")
                .jsonRoute(HttpMethod.GET, "/api/v1/e2e_notes/hello", 200, "{\"hello\":\"world\"}")
                .queryRoute("/api/v1/e2e_notes/count", "SELECT COUNT(*) FROM notes")
                .queryRoute("/api/v1/e2e_notes/customers", "SELECT COUNT(*) FROM billing.customers")
                .buildZip(Files.createDirectories(tmp.resolve("build")).resolve("e2e_notes-1.0.0.zip"));
        publish(catalog, notes, tmp.resolve("build").resolve("e2e_notes-1.0.0.zip"));
        Path dataDir = tmp.resolve("data");
        AgentConfig config = TestAgent.config(dataDir, db).withCatalog(catalog.toString(),
                catalog.resolve("root.json"));

        TestAgent agent = TestAgent.start(config);
        try (AgentClient client = client(agent)) {
            assertThat(client.catalog()).extracting(e -> e.id()).containsExactly("e2e_notes");
            assertThat(agent.get("/api/v1/e2e_notes/hello").statusCode()).isEqualTo(404);

            var installed = client.awaitJob(client.install("e2e_notes", Optional.empty()), WAIT);
            assertThat(installed.state()).as(installed.toString()).isEqualTo(JobState.SUCCEEDED);
            assertThat(TestAgent.json(agent.get("/api/v1/e2e_notes/hello")).path("hello").asText())
                    .isEqualTo("world");
            var count = agent.get("/api/v1/e2e_notes/count");
            assertThat(TestAgent.json(count).path("value").asInt()).as(count.body()).isEqualTo(1);
            var customers = agent.get("/api/v1/e2e_notes/customers");
            assertThat(customers.statusCode()).as("no permission, no core table: " + customers.body()).isEqualTo(500);
            var anonymous = agent.send(HttpRequest.newBuilder(agent.uri("/api/v1/e2e_notes/hello")).build());
            assertThat(anonymous.statusCode()).as("addon routes take the same tokens").isEqualTo(401);
            assertThat(client.addons()).extracting(a -> a.id() + " " + a.version()).containsExactly("e2e_notes 1.0.0");
            assertThat(dataDir.resolve("addons/e2e_notes")).isDirectory();
            assertThat(dataDir.resolve("addon_registry.json")).content().contains("e2e_notes");

            var backup = client.awaitJob(client.createBackup(
                    com.nextpanel.addons.client.BackupRequest.addon("e2e_notes")), WAIT);
            assertThat(backup.state()).as(backup.toString()).isEqualTo(JobState.SUCCEEDED);
            JsonNode backups = TestAgent.json(agent.get("/agent/v1/backups"));
            assertThat(backups).hasSize(1);
            assertThat(backups.get(0).path("addonId").asText()).isEqualTo("e2e_notes");
            assertThat(backups.get(0).path("files")).isNotEmpty();
            assertThat(client.backups()).extracting(b -> b.backupId())
                    .containsExactly(backups.get(0).path("backupId").asText());
        }

        agent = agent.restart();
        try (AgentClient client = client(agent)) {
            assertThat(agent.get("/api/v1/e2e_notes/hello").statusCode()).as("loaded again at start").isEqualTo(200);

            var uninstalled = client.awaitJob(client.uninstall("e2e_notes"), WAIT);
            assertThat(uninstalled.state()).as(uninstalled.toString()).isEqualTo(JobState.SUCCEEDED);
            JsonNode gone = TestAgent.json(agent.get("/api/v1/e2e_notes/hello"));
            assertThat(gone.path("error").asText()).isEqualTo("not_found");
            assertThat(client.addons()).isEmpty();
            assertThat(dataDir.resolve("addons/e2e_notes")).doesNotExist();
            assertThat(TestAgent.json(agent.get("/api/v1/customers")).isArray()).as("the core serves on").isTrue();
        } finally {
            agent.close();
        }
    }

    private static AgentClient client(TestAgent agent) throws Exception {
        return AgentClient.builder(agent.agent().localUrl())
                .pinnedFingerprint(Files.readString(agent.dataDir().resolve("tls.sha256")).strip())
                .token(agent.token()).readTimeout(Duration.ofSeconds(60)).build();
    }

    private static void publish(Path catalog, BuiltAddon addon, Path zip) throws Exception {
        JsonNode summary = new ObjectMapper().readTree(Files.readString(addon.manifest()));
        new CatalogPublisher(catalog, Keyring.generate(new SecureRandom()), Clock.systemUTC(), Map.of())
                .publish(List.of(new CatalogPublisher.NewTarget(
                        "packages/" + addon.id() + "-" + addon.version() + ".zip", zip, summary)));
    }
}
