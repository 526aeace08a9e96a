package com.nextpanel.addons.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.Optional;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.Test;

class AgentClientRequestsTest {

    private static final String ACCEPTED = "{\"jobId\":\"j-1\"}";

    @Test
    void readsInstalledAddonsWithTheirStateAndInstallTime() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/addons", FakeAgent.json(200,
                    "[{\"id\":\"ai_chatbot\",\"version\":\"1.0.0\",\"state\":\"ENABLED\",\"installedAt\":\"2026-11-25T20:00:00Z\",\"extra\":1},"
                            + "{\"id\":\"notification_hub\",\"version\":\"1.2.0\",\"state\":\"SOMETHING_NEW\"}]"));

            assertThat(client.addons()).containsExactly(
                    new AddonInfo("ai_chatbot", "1.0.0", AddonState.ENABLED, Optional.of(Instant.parse("2026-11-25T20:00:00Z"))),
                    new AddonInfo("notification_hub", "1.2.0", AddonState.UNKNOWN, Optional.empty()));
            assertThat(agent.requests.take().getHeaders().get("Authorization")).isEqualTo("Bearer t");
        }
    }

    @Test
    void readsTheCatalogWithVersionsGivenAsTextOrAsObjects() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/catalog", FakeAgent.json(200,
                    "[{\"id\":\"ai_chatbot\",\"name\":\"AI Chatbot\",\"versions\":[\"1.0.0\",{\"version\":\"1.1.0\"}],\"latest\":\"1.1.0\","
                            + "\"category\":\"support\"}]"));

            CatalogEntry entry = client.catalog().get(0);
            assertThat(entry.versions()).containsExactly("1.0.0", "1.1.0");
            assertThat(entry.latest()).isEqualTo("1.1.0");
            assertThat(entry.category()).contains("support");
            assertThat(entry.description()).isEmpty();
        }
    }

    @Test
    void sendsThePlanRequestAndReadsWhatWouldChange() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("POST /agent/v1/plan", FakeAgent.json(200,
                    "{\"action\":\"install\",\"id\":\"sms_notifications\",\"version\":\"1.0.0\","
                            + "\"addons\":[{\"id\":\"notification_hub\",\"version\":\"1.0.0\",\"action\":\"install\",\"dependency\":true},"
                            + "{\"id\":\"sms_notifications\",\"version\":\"1.0.0\",\"action\":\"install\"}],"
                            + "\"tables\":[\"addon_notification_hub.templates\",\"addon_sms_notifications.messages\"],"
                            + "\"routes\":[\"/api/v1/notifications\",\"/api/v1/sms\"],\"permissions\":[\"billing.customers:read\"],\"backup\":false}"));

            PlanView plan = client.plan(PlanRequest.of(PlanAction.INSTALL, "sms_notifications"));

            assertThat(plan.addons()).extracting(PlannedAddon::id).containsExactly("notification_hub", "sms_notifications");
            assertThat(plan.addons().get(0).dependency()).isTrue();
            assertThat(plan.tables()).hasSize(2);
            assertThat(plan.routes()).containsExactly("/api/v1/notifications", "/api/v1/sms");
            assertThat(plan.permissions()).containsExactly("billing.customers:read");
            assertThat(plan.rows()).isEqualTo(-1L);
            assertThat(plan.mayHoldData()).isTrue();
            assertThat(agent.requests.take().getBody().utf8()).isEqualTo("{\"action\":\"install\",\"id\":\"sms_notifications\"}");
        }
    }

    @Test
    void installUpdateUninstallDisableEnableAnswerTheirJobIds() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("POST /agent/v1/marketplace/install", FakeAgent.json(202, ACCEPTED))
                    .on("POST /agent/v1/marketplace/update", FakeAgent.json(202, ACCEPTED))
                    .on("DELETE /agent/v1/marketplace/uninstall/ai_chatbot", FakeAgent.json(202, ACCEPTED))
                    .on("POST /agent/v1/addons/ai_chatbot/disable", FakeAgent.json(202, ACCEPTED))
                    .on("POST /agent/v1/addons/ai_chatbot/enable", FakeAgent.json(202, ACCEPTED));

            assertThat(client.install("ai_chatbot", Optional.of("1.0.0"))).isEqualTo("j-1");
            assertThat(body(agent.requests.take())).isEqualTo("{\"id\":\"ai_chatbot\",\"version\":\"1.0.0\"}");
            assertThat(client.update("ai_chatbot", Optional.empty(), true)).isEqualTo("j-1");
            assertThat(body(agent.requests.take())).isEqualTo("{\"id\":\"ai_chatbot\",\"backup\":true}");
            assertThat(client.uninstall("ai_chatbot")).isEqualTo("j-1");
            assertThat(agent.requests.take().getMethod()).isEqualTo("DELETE");
            assertThat(client.disable("ai_chatbot")).isEqualTo("j-1");
            assertThat(client.enable("ai_chatbot")).isEqualTo("j-1");
        }
    }

    @Test
    void readsAJobWithItsStepsAndWhatWasRolledBack() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/jobs/j-7", FakeAgent.json(200,
                    "{\"jobId\":\"j-7\",\"action\":\"install\",\"id\":\"broken\",\"state\":\"ROLLED_BACK\","
                            + "\"steps\":[{\"name\":\"stage\",\"state\":\"UNDONE\",\"message\":\"\",\"durationMs\":12},"
                            + "{\"name\":\"migrate\",\"state\":\"FAILED\",\"message\":\"V2__oops.sql: syntax error\","
                            + "\"startedAt\":\"2026-11-25T20:00:00Z\",\"finishedAt\":\"2026-11-25T20:00:00.250Z\"}],"
                            + "\"rollback\":[\"migrate\",{\"name\":\"stage\"}]}"));

            JobView job = client.job("j-7");

            assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
            assertThat(job.state().isTerminal()).isTrue();
            assertThat(job.rollback()).containsExactly("migrate", "stage");
            assertThat(job.steps().get(0).duration()).hasValue(java.time.Duration.ofMillis(12));
            assertThat(job.steps().get(1).duration()).hasValue(java.time.Duration.ofMillis(250));
            assertThat(job.steps().get(1).message()).contains("syntax error");
        }
    }

    @Test
    void listsCreatesAndRestoresBackups() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/backups", FakeAgent.json(200,
                    "[{\"backupId\":\"b1\",\"scope\":\"addon\",\"id\":\"ai_chatbot\",\"createdAt\":\"2026-11-25T20:00:00Z\",\"size\":2048,"
                            + "\"versions\":{\"ai_chatbot\":\"1.0.0\"}}]"))
                    .on("POST /agent/v1/backups", FakeAgent.json(202, ACCEPTED))
                    .on("POST /agent/v1/backups/b1/restore", FakeAgent.json(202, ACCEPTED));

            BackupInfo backup = client.backups().get(0);
            assertThat(backup.addonId()).contains("ai_chatbot");
            assertThat(backup.sizeBytes()).contains(2048L);
            assertThat(backup.versions()).containsEntry("ai_chatbot", "1.0.0");
            agent.requests.take();
            assertThat(client.createBackup(BackupRequest.addon("ai_chatbot"))).isEqualTo("j-1");
            assertThat(body(agent.requests.take())).isEqualTo("{\"scope\":\"addon\",\"id\":\"ai_chatbot\"}");
            assertThat(client.restore("b1")).isEqualTo("j-1");
        }
    }

    @Test
    void reachesAddonRoutesWithTheSameToken() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /api/v1/chat/sessions", FakeAgent.json(200, "[{\"id\":1,\"customer\":\"ACME\"}]"));

            JsonNode rows = client.getJson("/api/v1/chat/sessions");

            assertThat(rows.get(0).get("customer").asText()).isEqualTo("ACME");
            assertThat(agent.requests.take().getHeaders().get("Authorization")).isEqualTo("Bearer t");
        }
    }

    private static String body(RecordedRequest request) {
        return request.getBody() == null ? "" : request.getBody().utf8();
    }
}
