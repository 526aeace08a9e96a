package com.nextpanel.addons.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;

class AgentClientErrorsTest {

    @Test
    void aRejectedTokenBecomesUnauthorizedWithTheAgentsMessage() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("wrong")) {
            agent.on("GET /agent/v1/addons", FakeAgent.json(401, "{\"error\":\"unauthorized\",\"message\":\"missing or wrong bearer token\"}"));

            assertThatThrownBy(client::addons).isInstanceOfSatisfying(AgentClientException.class, e -> {
                assertThat(e.isUnauthorized()).isTrue();
                assertThat(e.status()).isEqualTo(401);
                assertThat(e.serverError()).contains("unauthorized");
                assertThat(e.getMessage()).isEqualTo("missing or wrong bearer token");
            });
            assertThat(agent.requests.take().getHeaders().get("Authorization")).isEqualTo("Bearer wrong");
        }
    }

    @Test
    void aRefusedPlanBecomesAConflictListingEveryReason() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("POST /agent/v1/plan", FakeAgent.json(409,
                    "{\"error\":\"conflict\",\"message\":\"cannot install sms_notifications\","
                            + "\"reasons\":[\"route /api/v1/sms is taken by sms_legacy\",\"core 3.0.0 is not >=1.0.0 <2.0.0\"]}"));

            assertThatThrownBy(() -> client.plan(PlanRequest.of(PlanAction.INSTALL, "sms_notifications")))
                    .isInstanceOfSatisfying(AgentClientException.class, e -> {
                        assertThat(e.isConflict()).isTrue();
                        assertThat(e.status()).isEqualTo(409);
                        assertThat(e.reasons()).containsExactly("route /api/v1/sms is taken by sms_legacy", "core 3.0.0 is not >=1.0.0 <2.0.0");
                    });
        }
    }

    @Test
    void uninstallingADependencyIsAConflictNamingTheDependent() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("DELETE /agent/v1/marketplace/uninstall/notification_hub", FakeAgent.json(409,
                    "{\"error\":\"conflict\",\"message\":\"sms_notifications depends on notification_hub\"}"));

            assertThatThrownBy(() -> client.uninstall("notification_hub"))
                    .isInstanceOfSatisfying(AgentClientException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                        assertThat(e.getMessage()).contains("sms_notifications");
                    });
        }
    }

    @Test
    void aCatalogThatFailsVerificationIsReportedAsSuch() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/catalog", FakeAgent.json(502,
                    "{\"error\":\"catalog_untrusted\",\"message\":\"timestamp.json expired\"}"));

            assertThatThrownBy(client::catalog).isInstanceOfSatisfying(AgentClientException.class,
                    e -> assertThat(e.code()).isEqualTo(ErrorCode.CATALOG_UNTRUSTED));
        }
    }

    @Test
    void anErrorWithoutAJsonBodyStillSaysWhatFailed() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t")) {
            agent.on("GET /agent/v1/backups", new mockwebserver3.MockResponse.Builder().code(500).body("").build());

            assertThatThrownBy(client::backups).isInstanceOfSatisfying(AgentClientException.class, e -> {
                assertThat(e.code()).isEqualTo(ErrorCode.SERVER_ERROR);
                assertThat(e.getMessage()).contains("/agent/v1/backups").contains("500");
            });
        }
    }

    @Test
    void aServerThatIsNotRunningIsOffline() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String url = "https://127.0.0.1:" + port;
        try (AgentClient client = AgentClient.builder(url).token("t").pinnedFingerprint("00".repeat(32)).build()) {
            assertThatThrownBy(client::addons).isInstanceOfSatisfying(AgentClientException.class, e -> {
                assertThat(e.isOffline()).isTrue();
                assertThat(e.status()).isZero();
                assertThat(e.getMessage()).contains(url);
            });
        }
        assertThatThrownBy(() -> AgentClient.probe(URI.create(url)))
                .isInstanceOfSatisfying(AgentClientException.class, e -> assertThat(e.isOffline()).isTrue());
    }
}
