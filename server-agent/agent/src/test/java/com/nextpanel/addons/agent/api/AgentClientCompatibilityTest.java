package com.nextpanel.addons.agent.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.agent.AgentConfig;
import com.nextpanel.addons.agent.testing.FileJobs;
import com.nextpanel.addons.agent.testing.TestAgent;
import com.nextpanel.addons.catalog.tuf.CatalogPublisher;
import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.client.AddonInfo;
import com.nextpanel.addons.client.AddonState;
import com.nextpanel.addons.client.AgentClient;
import com.nextpanel.addons.client.AgentClientException;
import com.nextpanel.addons.client.BackupRequest;
import com.nextpanel.addons.client.CatalogEntry;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.client.JobView;
import com.nextpanel.addons.client.PlanAction;
import com.nextpanel.addons.client.PlanRequest;
import com.nextpanel.addons.client.PlanView;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The console's {@link AgentClient} against a real agent: what the agent answers is what the client reads
 * (pinned certificate, token, jobs, events, plans, errors, and a real signed catalog).
 */
@ExtendWith(PostgresExtension.class)
class AgentClientCompatibilityTest {

    private static final Duration WAIT = Duration.ofSeconds(60);

    static AgentClient client(TestAgent agent) throws Exception {
        return AgentClient.builder(agent.agent().localUrl())
                .pinnedFingerprint(Files.readString(agent.dataDir().resolve("tls.sha256")).strip())
                .token(agent.token()).build();
    }

    @OnEachDatabase
    void theAgentClientDrivesJobsPlansAndBackupsOnARealAgent(DatabaseTarget db, @TempDir Path dir) throws Exception {
        try (TestAgent agent = TestAgent.start(TestAgent.config(dir, db), FileJobs::start);
             AgentClient client = client(agent)) {
            assertThat(client.health().status()).isEqualTo("UP");

            String jobId = client.install("ai_chatbot", Optional.of("1.0.0"));
            JobView done = client.awaitJob(jobId, WAIT);
            assertThat(done.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(done.id()).isEqualTo("ai_chatbot");
            assertThat(done.steps()).extracting(s -> s.name()).containsExactly("resolve", "write", "commit");
            assertThat(done.steps().get(1).duration()).isPresent();

            List<AddonInfo> addons = client.addons();
            assertThat(addons).singleElement().satisfies(a -> {
                assertThat(a.id()).isEqualTo("ai_chatbot");
                assertThat(a.state()).isEqualTo(AddonState.ENABLED);
                assertThat(a.installedAt()).isPresent();
            });

            JobView failed = client.awaitJob(client.install("broken_addon"), WAIT);
            assertThat(failed.state()).isEqualTo(JobState.ROLLED_BACK);
            assertThat(failed.rollback()).contains("write");

            PlanView plan = client.plan(PlanRequest.of(PlanAction.INSTALL, "sms_notifications"));
            assertThat(plan.addons()).extracting(a -> a.id()).containsExactly("dep_addon", "sms_notifications");
            assertThat(plan.routes()).containsExactly("/api/v1/sms_notifications");

            assertThatThrownBy(() -> client.uninstall("depended_on")).isInstanceOfSatisfying(
                    AgentClientException.class, e -> assertThat(e.getMessage()).contains("depended_on"));

            assertThat(client.awaitJob(client.createBackup(BackupRequest.full()), WAIT).state())
                    .isEqualTo(JobState.SUCCEEDED);
            assertThat(client.backups()).extracting(b -> b.backupId()).containsExactly("b-1");
            assertThat(client.jobs()).extracting(JobView::jobId).contains(jobId);
        }
    }

    @OnEachDatabase
    void theCatalogRouteListsTheSignedCatalogTheAgentVerified(DatabaseTarget db, @TempDir Path dir) throws Exception {
        Path catalog = dir.resolve("catalog");
        publish(catalog, "ai_chatbot", "AI Chatbot", "1.0.0", "1.1.0");
        publish(catalog, "notification_hub", "Notification Hub", "1.0.0");
        AgentConfig config = TestAgent.config(dir.resolve("data"), db)
                .withCatalog(catalog.toString(), catalog.resolve("root.json"));
        try (TestAgent agent = TestAgent.start(config, FileJobs::start); AgentClient client = client(agent)) {
            List<CatalogEntry> entries = client.catalog();
            assertThat(entries).extracting(CatalogEntry::id).containsExactly("ai_chatbot", "notification_hub");
            CatalogEntry chatbot = entries.get(0);
            assertThat(chatbot.name()).isEqualTo("AI Chatbot");
            assertThat(chatbot.versions()).containsExactly("1.0.0", "1.1.0");
            assertThat(chatbot.latest()).isEqualTo("1.1.0");
            assertThat(chatbot.category()).contains("ai");

            // Tampered metadata is never listed: the agent keeps answering what it verified before.
            Path targets = catalog.resolve("targets.json");
            Files.writeString(targets, Files.readString(targets).replace("AI Chatbot", "AI Chatbob"));
            var response = agent.get("/agent/v1/catalog");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            assertThat(response.body()).contains("AI Chatbot").doesNotContain("Chatbob");
        }
        // An agent that never verified this catalog refuses it, naming the problem.
        try (TestAgent fresh = TestAgent.start(TestAgent.config(dir.resolve("data2"), db)
                .withCatalog(catalog.toString(), catalog.resolve("root.json")), FileJobs::start)) {
            var response = fresh.get("/agent/v1/catalog");
            assertThat(response.statusCode()).as(response.body()).isEqualTo(502);
            assertThat(TestAgent.json(response).path("error").asText()).isEqualTo("catalog_untrusted");
            assertThat(TestAgent.json(response).path("message").asText()).isNotBlank();
        }
    }

    private static final Map<Path, Keyring> KEYS = new java.util.concurrent.ConcurrentHashMap<>();

    private static void publish(Path catalog, String id, String name, String... versions) throws Exception {
        Keyring keys = KEYS.computeIfAbsent(catalog, c -> Keyring.generate(new SecureRandom()));
        ObjectMapper json = new ObjectMapper();
        List<CatalogPublisher.NewTarget> targets = new ArrayList<>();
        for (String version : versions) {
            Path file = Files.createTempFile(id, ".zip");
            Files.writeString(file, id + " " + version);
            ObjectNode summary = json.createObjectNode().put("id", id).put("name", name).put("version", version)
                    .put("description", name + " for tests").put("category", "ai");
            targets.add(new CatalogPublisher.NewTarget("packages/" + id + "-" + version + ".zip", file, summary));
        }
        new CatalogPublisher(catalog, keys, Clock.systemUTC(), Map.of()).publish(targets);
    }
}
