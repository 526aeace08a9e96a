package com.nextpanel.addons.agent.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.AgentConfig;
import com.nextpanel.addons.agent.isolation.DatabaseCatalogSnapshot;
import com.nextpanel.addons.agent.testing.TestAgent;
import com.nextpanel.addons.client.AgentClient;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every sample addon of the signed demo catalog, installed and uninstalled through the agent API over HTTPS:
 * while installed its route answers and its tables exist; after uninstall its route answers 404, its files are
 * gone, and the database catalog (schemas, tables, columns, sequences, indexes, roles, grants) is identical to the
 * one taken before the install. {@code sms_notifications} brings {@code notification_hub} along, which then
 * cannot be uninstalled while sms needs it.
 */
@ExtendWith(PostgresExtension.class)
class SampleAddonsOverHttpsTest {

    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final Path DEMO_CATALOG = Path.of("../../addon-catalog/target/demo-catalog").toAbsolutePath()
            .normalize();

    /** A sample, the GET route its console page reads, and a table its migrations create. */
    record Sample(String id, String route, String table) {
    }

    private static final List<Sample> SAMPLES = List.of(
            new Sample("ai_chatbot", "/api/v1/chat/sessions", "chat_sessions"),
            new Sample("email_marketing", "/api/v1/email/campaigns", "campaigns"),
            new Sample("notification_hub", "/api/v1/notifications/templates", "notification_templates"));

    @OnEachDatabase
    void everySampleInstallsServesAndUninstallsLeavingTheDatabaseAsBefore(DatabaseTarget db, @TempDir Path tmp)
            throws Exception {
        assertThat(DEMO_CATALOG.resolve("root.json")).as("the demo catalog is built before the agent's tests")
                .exists();
        AgentConfig config = TestAgent.config(tmp.resolve("data"), db)
                .withCatalog(DEMO_CATALOG.toString(), DEMO_CATALOG.resolve("root.json"));
        try (TestAgent agent = TestAgent.start(config); AgentClient client = client(agent)) {
            for (Sample sample : SAMPLES) {
                DatabaseCatalogSnapshot before = DatabaseCatalogSnapshot.take(agent.agent().database().dataSource());
                assertThat(agent.get(sample.route()).statusCode()).isEqualTo(404);

                var installed = client.awaitJob(client.install(sample.id(), Optional.empty()), WAIT);
                assertThat(installed.state()).as(installed.toString()).isEqualTo(JobState.SUCCEEDED);
                var answer = agent.get(sample.route());
                assertThat(answer.statusCode()).as(sample + ": " + answer.body()).isEqualTo(200);
                assertThat(TestAgent.json(answer).isArray()).as(answer.body()).isTrue();
                assertThat(DatabaseCatalogSnapshot.take(agent.agent().database().dataSource()).differences(before))
                        .as("install adds tables").anyMatch(d -> d.contains(sample.table()));

                var uninstalled = client.awaitJob(client.uninstall(sample.id()), WAIT);
                assertThat(uninstalled.state()).as(uninstalled.toString()).isEqualTo(JobState.SUCCEEDED);
                assertThat(agent.get(sample.route()).statusCode()).isEqualTo(404);
                assertThat(agent.dataDir().resolve("addons/" + sample.id())).doesNotExist();
                assertThat(before.differences(DatabaseCatalogSnapshot.take(agent.agent().database().dataSource())))
                        .as("the database catalog after uninstalling %s", sample.id()).isEmpty();
            }

            DatabaseCatalogSnapshot empty = DatabaseCatalogSnapshot.take(agent.agent().database().dataSource());
            var sms = client.awaitJob(client.install("sms_notifications", Optional.empty()), WAIT);
            assertThat(sms.state()).as(sms.toString()).isEqualTo(JobState.SUCCEEDED);
            assertThat(client.addons()).extracting(a -> a.id())
                    .containsExactlyInAnyOrder("notification_hub", "sms_notifications");
            assertThat(agent.get("/api/v1/sms/messages").statusCode()).isEqualTo(200);
            assertThat(agent.delete("/agent/v1/marketplace/uninstall/notification_hub").statusCode())
                    .as("notification_hub is needed by sms_notifications").isEqualTo(409);

            for (String id : List.of("sms_notifications", "notification_hub")) {
                var job = client.awaitJob(client.uninstall(id), WAIT);
                assertThat(job.state()).as(job.toString()).isEqualTo(JobState.SUCCEEDED);
            }
            assertThat(empty.differences(DatabaseCatalogSnapshot.take(agent.agent().database().dataSource())))
                    .isEmpty();
            assertThat(client.addons()).isEmpty();
        }
    }

    private static AgentClient client(TestAgent agent) throws Exception {
        return AgentClient.builder(agent.agent().localUrl())
                .pinnedFingerprint(Files.readString(agent.dataDir().resolve("tls.sha256")).strip())
                .token(agent.token()).readTimeout(Duration.ofSeconds(60)).build();
    }
}
