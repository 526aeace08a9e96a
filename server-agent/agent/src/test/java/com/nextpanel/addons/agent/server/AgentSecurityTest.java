package com.nextpanel.addons.agent.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.agent.testing.PinnedHttp;
import com.nextpanel.addons.agent.testing.TestAgent;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The agent's HTTPS server from outside: health, bearer tokens, roles, error bodies, certificate, files. */
@ExtendWith(PostgresExtension.class)
class AgentSecurityTest {

    /** Every route of the agent API contract and of the billing core, with a sample body. */
    static final List<String[]> PROTECTED_ROUTES = List.of(
            new String[] {"GET", "/agent/v1/addons", ""},
            new String[] {"POST", "/agent/v1/addons/ai_chatbot/disable", ""},
            new String[] {"POST", "/agent/v1/addons/ai_chatbot/enable", ""},
            new String[] {"GET", "/agent/v1/catalog", ""},
            new String[] {"POST", "/agent/v1/plan", "{\"action\":\"install\",\"id\":\"ai_chatbot\"}"},
            new String[] {"POST", "/agent/v1/marketplace/install", "{\"id\":\"ai_chatbot\"}"},
            new String[] {"POST", "/agent/v1/marketplace/update", "{\"id\":\"ai_chatbot\",\"backup\":true}"},
            new String[] {"DELETE", "/agent/v1/marketplace/uninstall/ai_chatbot", ""},
            new String[] {"GET", "/agent/v1/jobs", ""},
            new String[] {"GET", "/agent/v1/jobs/some-job", ""},
            new String[] {"GET", "/agent/v1/jobs/some-job/events", ""},
            new String[] {"GET", "/agent/v1/backups", ""},
            new String[] {"POST", "/agent/v1/backups", "{\"scope\":\"full\"}"},
            new String[] {"POST", "/agent/v1/backups/some-backup/restore", ""},
            new String[] {"GET", "/agent/v1/no-such-route", ""},
            new String[] {"GET", "/api/v1/customers", ""},
            new String[] {"POST", "/api/v1/customers", "{\"name\":\"A\",\"email\":\"a@example.com\"}"},
            new String[] {"GET", "/api/v1/customers/1", ""},
            new String[] {"PUT", "/api/v1/customers/1", "{\"name\":\"A\",\"email\":\"a@example.com\"}"},
            new String[] {"DELETE", "/api/v1/customers/1", ""},
            new String[] {"GET", "/api/v1/invoices", ""},
            new String[] {"GET", "/api/v1/some_addon/route", ""});

    @OnEachDatabase
    void bothHealthRoutesAnswerUpWithoutAToken(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            for (String path : List.of("/agent/v1/health", "/api/v1/health")) {
                HttpResponse<String> response = agent.send(HttpRequest.newBuilder(agent.uri(path)).GET().build());
                assertThat(response.statusCode()).as(path).isEqualTo(200);
                assertThat(TestAgent.json(response).path("status").asText()).isEqualTo("UP");
            }
        }
    }

    @OnEachDatabase
    void everyRouteAnswers401WithoutATokenOrWithAWrongOne(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            List<String> failures = new ArrayList<>();
            for (String[] route : PROTECTED_ROUTES) {
                for (String authorization : new String[] {null, "Bearer wrong-token", "Bearer " + agent.token() + "x",
                        "Basic " + agent.token(), agent.token()}) {
                    HttpRequest.Builder builder = HttpRequest.newBuilder(agent.uri(route[1]))
                            .method(route[0], route[2].isEmpty() ? HttpRequest.BodyPublishers.noBody()
                                    : HttpRequest.BodyPublishers.ofString(route[2]));
                    if (authorization != null) {
                        builder.header("Authorization", authorization);
                    }
                    HttpResponse<String> response = agent.send(builder.build());
                    JsonNode body = TestAgent.json(response);
                    if (response.statusCode() != 401 || !body.path("error").asText().equals("unauthorized")
                            || body.path("message").asText().isEmpty()
                            || response.headers().firstValue("WWW-Authenticate").isEmpty()) {
                        failures.add(route[0] + " " + route[1] + " with " + authorization + " -> "
                                + response.statusCode() + " " + response.body());
                    }
                }
            }
            assertThat(failures).isEmpty();
            assertThat(agent.get("/api/v1/customers").statusCode()).isEqualTo(200);
        }
    }

    @OnEachDatabase
    void aViewerTokenMayReadButAnswers403ForAnyChange(DatabaseTarget db, @TempDir Path dir) throws Exception {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            String viewer = agent.agent().tokens().add("auditor", Role.VIEWER);
            HttpResponse<String> read = agent.send(HttpRequest.newBuilder(agent.uri("/api/v1/customers"))
                    .header("Authorization", "Bearer " + viewer).GET().build());
            assertThat(read.statusCode()).isEqualTo(200);

            HttpResponse<String> write = agent.send(HttpRequest.newBuilder(agent.uri("/api/v1/customers"))
                    .header("Authorization", "Bearer " + viewer)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"A\",\"email\":\"a@example.com\"}")).build());
            assertThat(write.statusCode()).isEqualTo(403);
            assertThat(TestAgent.json(write).path("error").asText()).isEqualTo("forbidden");
            assertThat(TestAgent.json(write).path("message").asText()).contains("auditor", "VIEWER");
            assertThat(TestAgent.json(agent.get("/api/v1/customers"))).isEmpty();
        }
    }

    @OnEachDatabase
    void aTokenMadeByTheTokenCommandWorksOnTheRunningAgentInItsRole(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            java.io.StringWriter out = new java.io.StringWriter();
            java.io.StringWriter err = new java.io.StringWriter();
            int code = com.nextpanel.addons.agent.AgentMain.run(new String[] {"token", "--data-dir", dir.toString(),
                    "--name", "auditor", "--role", "viewer"}, new java.io.PrintWriter(out, true),
                    new java.io.PrintWriter(err, true));
            assertThat(code).as(err.toString()).isZero();
            String viewer = out.toString().strip();
            assertThat(viewer).matches("npa_[A-Za-z0-9_-]{43}");

            HttpRequest.Builder asViewer = HttpRequest.newBuilder(agent.uri("/agent/v1/addons"))
                    .header("Authorization", "Bearer " + viewer);
            assertThat(agent.send(asViewer.GET().build()).statusCode()).isEqualTo(200);
            HttpResponse<String> refused = agent.send(HttpRequest.newBuilder(agent.uri("/agent/v1/marketplace/install"))
                    .header("Authorization", "Bearer " + viewer)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"id\":\"ai_chatbot\"}")).build());
            assertThat(refused.statusCode()).isEqualTo(403);

            int again = com.nextpanel.addons.agent.AgentMain.run(new String[] {"token", "--data-dir", dir.toString(),
                    "--name", "auditor"}, new java.io.PrintWriter(new java.io.StringWriter(), true),
                    new java.io.PrintWriter(err, true));
            assertThat(again).isEqualTo(1);
            assertThat(err.toString()).contains("auditor", "exists already");
        }
    }

    @OnEachDatabase
    void errorsAnswerTheirStatusWithAnErrorAndAMessage(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            assertError(agent.post("/api/v1/customers", "{\"name\":"), 400, "bad_request", "not valid JSON");
            assertError(agent.post("/api/v1/customers", "{\"name\":\"A\",\"email\":\"a@example.com\",\"x\":1}"),
                    400, "bad_request", "unknown field 'x'");
            assertError(agent.post("/api/v1/customers", "{\"name\":\"A\",\"email\":\"not-an-address\"}"),
                    400, "bad_request", "not-an-address");
            assertError(agent.post("/api/v1/customers", ""), 400, "bad_request", "body is required");
            assertError(agent.get("/api/v1/customers/abc"), 400, "bad_request", "'id' must be a number");
            assertError(agent.get("/api/v1/customers/4711"), 404, "not_found", "4711");
            assertError(agent.get("/api/v1/no_such_addon/x"), 404, "not_found", "/api/v1/no_such_addon/x");
            assertThat(agent.post("/api/v1/customers", "{\"name\":\"A\",\"email\":\"a@example.com\"}").statusCode())
                    .isEqualTo(201);
            assertError(agent.post("/api/v1/customers", "{\"name\":\"B\",\"email\":\"a@example.com\"}"),
                    409, "conflict", "already exists");
            assertError(agent.send(agent.request("/api/v1/customers")
                    .method("PATCH", HttpRequest.BodyPublishers.noBody()).build()), 405, "method_not_allowed", "PATCH");
        }
    }

    @OnEachDatabase
    void theFingerprintFileMatchesTheCertificateTheServerPresents(DatabaseTarget db, @TempDir Path dir)
            throws Exception {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            HttpResponse<String> response = agent.get("/agent/v1/health");
            X509Certificate served = (X509Certificate) response.sslSession().orElseThrow()
                    .getPeerCertificates()[0];
            String file = Files.readString(dir.resolve("tls.sha256")).strip();
            assertThat(file).matches("[0-9a-f]{64}").isEqualTo(PinnedHttp.fingerprint(served));
            assertThat(response.sslSession().orElseThrow().getProtocol()).isIn("TLSv1.3", "TLSv1.2");
        }
    }

    @OnEachDatabase
    void aClientPinnedToAnotherCertificateIsRefused(DatabaseTarget db, @TempDir Path dir) {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            var stranger = PinnedHttp.client("00".repeat(32));
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> stranger.send(
                            HttpRequest.newBuilder(agent.uri("/agent/v1/health")).build(),
                            HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(javax.net.ssl.SSLHandshakeException.class);
        }
    }

    @OnEachDatabase
    void secretsAreOwnerOnlyAndOnlyTheTokensHashIsKept(DatabaseTarget db, @TempDir Path dir) throws Exception {
        try (TestAgent agent = TestAgent.start(dir, db)) {
            for (String secret : List.of("admin.token", "tokens.json", "tls.p12", "tls.password")) {
                assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(secret))))
                        .as(secret).isEqualTo("rw-------");
            }
            assertThat(agent.token()).matches("npa_[A-Za-z0-9_-]{43}");
            String stored = Files.readString(dir.resolve("tokens.json"));
            assertThat(stored).doesNotContain(agent.token()).contains(TokenStore.sha256(agent.token()));
        }
    }

    @OnEachDatabase
    void aRestartKeepsTheCertificateTheTokenAndTheData(DatabaseTarget db, @TempDir Path dir) throws Exception {
        TestAgent first = TestAgent.start(dir, db);
        String fingerprint = Files.readString(dir.resolve("tls.sha256"));
        String token = first.token();
        assertThat(first.post("/api/v1/customers", "{\"name\":\"Ann\",\"email\":\"ann@example.com\"}").statusCode())
                .isEqualTo(201);
        try (TestAgent second = first.restart()) {
            assertThat(Files.readString(dir.resolve("tls.sha256"))).isEqualTo(fingerprint);
            assertThat(second.token()).isEqualTo(token);
            assertThat(second.agent().tokens().adminCreated()).isFalse();
            HttpResponse<String> customers = second.get("/api/v1/customers");
            assertThat(customers.statusCode()).isEqualTo(200);
            assertThat(TestAgent.json(customers).get(0).path("email").asText()).isEqualTo("ann@example.com");
        }
    }

    private static void assertError(HttpResponse<String> response, int status, String error, String messagePart) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode body = TestAgent.json(response);
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("message").asText()).contains(messagePart);
    }
}
