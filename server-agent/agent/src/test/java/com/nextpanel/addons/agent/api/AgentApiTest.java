package com.nextpanel.addons.agent.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.agent.testing.FileJobs;
import com.nextpanel.addons.agent.testing.TestAgent;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent API's job routes over HTTPS, on the real job engine and journal with {@link FileJobs}' planner:
 * 202 and job ids, job views with steps and rollback, the event stream, plans, errors.
 */
@ExtendWith(PostgresExtension.class)
class AgentApiTest {

    /** One server-sent event. */
    record Event(String id, String name, JsonNode data) {
    }

    static TestAgent start(Path dir, DatabaseTarget db) {
        return TestAgent.start(TestAgent.config(dir, db), FileJobs::start);
    }

    static List<Event> parse(String stream) {
        List<Event> events = new ArrayList<>();
        for (String block : stream.split("\n\n")) {
            String id = null;
            String name = null;
            String data = null;
            for (String line : block.split("\n")) {
                if (line.startsWith("id: ")) {
                    id = line.substring(4);
                } else if (line.startsWith("event: ")) {
                    name = line.substring(7);
                } else if (line.startsWith("data: ")) {
                    data = line.substring(6);
                }
            }
            if (name != null) {
                events.add(new Event(id, name, TestAgent.json(data)));
            }
        }
        return events;
    }

    static List<Event> events(TestAgent agent, String jobId, String lastEventId) {
        HttpRequest.Builder request = agent.request("/agent/v1/jobs/" + jobId + "/events").GET();
        if (lastEventId != null) {
            request.header("Last-Event-ID", lastEventId);
        }
        HttpResponse<String> response = agent.send(request.build());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                t -> assertThat(t).startsWith("text/event-stream"));
        return parse(response.body());
    }

    @OnEachDatabase
    void anInstallAnswers202AndItsEventsFollowTheStepsToTheEnd(DatabaseTarget db, @TempDir Path dir)
            throws Exception {
        try (TestAgent agent = start(dir, db)) {
            HttpResponse<String> accepted = agent.post("/agent/v1/marketplace/install", "{\"id\":\"gated_addon\"}");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String jobId = TestAgent.json(accepted).path("jobId").asText();
            assertThat(jobId).isNotBlank();

            // The headers arrive once the agent has subscribed: only then may the job go on, so every live
            // event (progress and log too) reaches this stream.
            HttpResponse<java.util.stream.Stream<String>> live = agent.http().send(
                    agent.request("/agent/v1/jobs/" + jobId + "/events").GET().build(),
                    HttpResponse.BodyHandlers.ofLines());
            assertThat(live.statusCode()).isEqualTo(200);
            FileJobs.openGate(dir);
            List<Event> events;
            try (java.util.stream.Stream<String> lines = live.body()) {
                events = parse(String.join("\n", lines.toList()));
            }
            assertThat(events).extracting(Event::name).contains("step", "progress", "log").last().isEqualTo("end");
            assertThat(events).extracting(Event::id).doesNotContainNull().doesNotHaveDuplicates();
            Event end = events.get(events.size() - 1);
            assertThat(end.data().path("jobId").asText()).isEqualTo(jobId);
            assertThat(end.data().path("state").asText()).isEqualTo("SUCCEEDED");
            Event progress = events.stream().filter(e -> e.name().equals("progress")).findFirst().orElseThrow();
            assertThat(progress.data().path("step").asText()).isEqualTo("write");
            assertThat(progress.data().path("progress").asDouble()).isEqualTo(0.5);
            assertThat(progress.data().path("percent").asInt()).isEqualTo(50);

            JsonNode job = TestAgent.json(agent.get("/agent/v1/jobs/" + jobId));
            assertThat(job.path("jobId").asText()).isEqualTo(jobId);
            assertThat(job.path("action").asText()).isEqualTo("install");
            assertThat(job.path("id").asText()).isEqualTo("gated_addon");
            assertThat(job.path("state").asText()).isEqualTo("SUCCEEDED");
            assertThat(job.path("steps")).extracting(s -> s.path("name").asText())
                    .containsExactly("resolve", "write", "commit");
            assertThat(job.path("steps")).allSatisfy(s -> {
                assertThat(s.path("state").asText()).isEqualTo("SUCCEEDED");
                assertThat(s.has("message")).isTrue();
            });
            assertThat(job.path("rollback")).isEmpty();
            assertThat(FileJobs.fileOf(dir, "gated_addon")).exists();

            JsonNode addons = TestAgent.json(agent.get("/agent/v1/addons"));
            assertThat(addons).hasSize(1);
            assertThat(addons.get(0).path("id").asText()).isEqualTo("gated_addon");
            assertThat(addons.get(0).path("version").asText()).isEqualTo("1.0.0");
            assertThat(addons.get(0).path("state").asText()).isEqualTo("ENABLED");
            assertThat(addons.get(0).path("installedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT.*Z");
        }
    }

    @OnEachDatabase
    void aJobThatFailsAfterAChangeEndsRolledBackListingWhatWasUndone(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = start(dir, db)) {
            String jobId = TestAgent.json(agent.post("/agent/v1/marketplace/install",
                    "{\"id\":\"broken_addon\",\"version\":\"1.1.0\"}")).path("jobId").asText();
            List<Event> events = events(agent, jobId, null);
            assertThat(events.get(events.size() - 1).data().path("state").asText()).isEqualTo("ROLLED_BACK");

            JsonNode job = TestAgent.json(agent.get("/agent/v1/jobs/" + jobId));
            assertThat(job.path("state").asText()).isEqualTo("ROLLED_BACK");
            assertThat(job.path("steps")).extracting(s -> s.path("name").asText() + ":" + s.path("state").asText())
                    .contains("verify:FAILED");
            assertThat(job.path("rollback")).extracting(s -> s.path("name").asText()).contains("write");
            assertThat(FileJobs.fileOf(dir, "broken_addon")).doesNotExist();
            assertThat(TestAgent.json(agent.get("/agent/v1/addons"))).isEmpty();
        }
    }

    @OnEachDatabase
    void aClientThatReconnectsWithLastEventIdGetsOnlyTheEventsAfterIt(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = start(dir, db)) {
            String jobId = TestAgent.json(agent.post("/agent/v1/marketplace/install", "{\"id\":\"ai_chatbot\"}"))
                    .path("jobId").asText();
            List<Event> all = events(agent, jobId, null);
            List<Event> after = events(agent, jobId, "2");
            assertThat(after).extracting(Event::id).first().isEqualTo("3");
            assertThat(after.get(after.size() - 1).name()).isEqualTo("end");
            assertThat(after.size()).isLessThan(all.size());
        }
    }

    @OnEachDatabase
    void disableEnableUpdateUninstallAndBackupsAnswer202WithAJobId(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = start(dir, db)) {
            List<HttpResponse<String>> answers = List.of(
                    agent.post("/agent/v1/addons/ai_chatbot/disable", ""),
                    agent.post("/agent/v1/addons/ai_chatbot/enable", ""),
                    agent.post("/agent/v1/marketplace/update", "{\"id\":\"ai_chatbot\",\"version\":\"1.1.0\"}"),
                    agent.post("/agent/v1/marketplace/update", "{\"id\":\"ai_chatbot\",\"backup\":false}"),
                    agent.delete("/agent/v1/marketplace/uninstall/ai_chatbot"),
                    agent.post("/agent/v1/backups", "{\"scope\":\"full\"}"),
                    agent.post("/agent/v1/backups", "{\"scope\":\"addon\",\"id\":\"ai_chatbot\"}"),
                    agent.post("/agent/v1/backups/b-1/restore", ""));
            List<String> ids = new ArrayList<>();
            for (HttpResponse<String> answer : answers) {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(202);
                ids.add(TestAgent.json(answer).path("jobId").asText());
            }
            assertThat(ids).doesNotHaveDuplicates().allSatisfy(id -> assertThat(id).isNotBlank());
            for (String id : ids) {
                events(agent, id, null);
            }
            JsonNode history = TestAgent.json(agent.get("/agent/v1/jobs?limit=100"));
            List<String> newestFirst = new ArrayList<>(ids);
            java.util.Collections.reverse(newestFirst);
            assertThat(history).extracting(j -> j.path("jobId").asText()).containsExactlyElementsOf(newestFirst);
            assertThat(history).extracting(j -> j.path("action").asText()).contains("disable", "enable", "update",
                    "uninstall", "backup", "restore");
            assertThat(TestAgent.json(agent.get("/agent/v1/jobs?limit=2"))).hasSize(2);
            assertThat(TestAgent.json(agent.get("/agent/v1/backups")).get(0).path("backupId").asText())
                    .isEqualTo("b-1");
        }
    }

    @OnEachDatabase
    void aPlanListsWhatTheActionWouldDoAnd409ListsEveryReason(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = start(dir, db)) {
            HttpResponse<String> plan = agent.post("/agent/v1/plan",
                    "{\"action\":\"install\",\"id\":\"sms_notifications\",\"version\":\"1.0.0\"}");
            assertThat(plan.statusCode()).as(plan.body()).isEqualTo(200);
            JsonNode body = TestAgent.json(plan);
            assertThat(body.path("action").asText()).isEqualTo("install");
            assertThat(body.path("addons")).extracting(a -> a.path("id").asText())
                    .containsExactly("dep_addon", "sms_notifications");
            assertThat(body.path("addons").get(0).path("dependency").asBoolean()).isTrue();
            assertThat(body.path("tables")).isNotEmpty();
            assertThat(body.path("routes").get(0).asText()).isEqualTo("/api/v1/sms_notifications");
            assertThat(body.path("permissions").get(0).asText()).isEqualTo("billing.customers:read");
            assertThat(body.has("backup")).isTrue();

            HttpResponse<String> refused = agent.post("/agent/v1/plan", "{\"action\":\"install\",\"id\":\"taken_addon\"}");
            assertThat(refused.statusCode()).isEqualTo(409);
            assertThat(TestAgent.json(refused).path("error").asText()).isEqualTo("conflict");
            assertThat(TestAgent.json(refused).path("reasons")).hasSize(2);
        }
    }

    @OnEachDatabase
    void badRequestsUnknownThingsAndConflictsAnswerTheirErrors(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = start(dir, db)) {
            expect(agent.post("/agent/v1/plan", "{\"action\":\"explode\",\"id\":\"ai_chatbot\"}"), 400, "explode");
            expect(agent.post("/agent/v1/plan", "{\"id\":\"ai_chatbot\"}"), 400, "'action' is required");
            expect(agent.post("/agent/v1/plan", "{\"action\":\"install\",\"id\":\"missing_addon\"}"), 404,
                    "missing_addon");
            expect(agent.post("/agent/v1/marketplace/install", "{\"id\":\"Bad-Id\"}"), 400, "Bad-Id");
            expect(agent.post("/agent/v1/marketplace/install", "{}"), 400, "'id' is required");
            expect(agent.post("/agent/v1/marketplace/install", "{\"id\":\"ai_chatbot\",\"version\":\"1 0\"}"), 400,
                    "not a version");
            expect(agent.post("/agent/v1/marketplace/install", "[1,2]"), 400, "malformed body");
            expect(agent.post("/agent/v1/marketplace/install", "{\"id\":\"missing_addon\"}"), 404, "missing_addon");
            HttpResponse<String> blocked = agent.delete("/agent/v1/marketplace/uninstall/depended_on");
            expect(blocked, 409, "depended_on");
            assertThat(TestAgent.json(blocked).path("reasons").get(0).asText()).contains("sms_notifications");
            expect(agent.get("/agent/v1/jobs/no-such-job"), 404, "no-such-job");
            expect(agent.get("/agent/v1/jobs/no-such-job/events"), 404, "no-such-job");
            expect(agent.get("/agent/v1/jobs?limit=0"), 400, "'limit'");
            expect(agent.post("/agent/v1/backups", "{\"scope\":\"everything\"}"), 400, "everything");
            expect(agent.post("/agent/v1/backups", "{\"scope\":\"full\",\"id\":\"x\"}"), 400, "no 'id'");
            expect(agent.post("/agent/v1/backups/..%2Fetc/restore", ""), 400, "");
            expect(agent.get("/agent/v1/catalog"), 404, "--catalog");
            expect(agent.get("/agent/v1/addons/ai_chatbot/disable"), 405, "GET");
            assertThat(TestAgent.json(agent.get("/agent/v1/jobs"))).isEmpty();
        }
    }

    private static void expect(HttpResponse<String> response, int status, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonNode body = TestAgent.json(response);
        assertThat(body.path("error").asText()).isNotBlank();
        assertThat(body.path("message").asText()).contains(messagePart);
    }
}
