package com.nextpanel.addons.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

class AgentClientPinningTest {

    @Test
    void acceptsTheServerWhoseCertificateHasThePinnedFingerprint() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = agent.client("t0ken")) {
            agent.on("GET /agent/v1/health", FakeAgent.json(200, "{\"status\":\"UP\"}"));

            assertThat(client.health().isUp()).isTrue();
        }
    }

    @Test
    void refusesAServerPresentingAnotherCertificateAndNamesTheFingerprintItPresented() throws Exception {
        HeldCertificate other = new HeldCertificate.Builder().commonName("impostor").build();
        try (FakeAgent agent = new FakeAgent(other);
             AgentClient client = AgentClient.builder(agent.url()).token("t0ken")
                     .pinnedFingerprint(Fingerprints.sha256(new HeldCertificate.Builder().build().certificate())).build()) {
            agent.on("GET /agent/v1/addons", FakeAgent.json(200, "[]"));

            assertThatThrownBy(client::addons)
                    .isInstanceOfSatisfying(AgentClientException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.CERTIFICATE_CHANGED);
                        assertThat(e.isCertificateChanged()).isTrue();
                        assertThat(e.presentedFingerprint()).contains(agent.fingerprint());
                        assertThat(e.getMessage()).contains("has changed").contains(Fingerprints.pretty(agent.fingerprint()));
                    });
            assertThat(agent.requests).as("no request, hence no token, reached the impostor").isEmpty();
        }
    }

    @Test
    void probeReportsThePresentedFingerprintWithoutSendingAToken() throws Exception {
        try (FakeAgent agent = new FakeAgent()) {
            agent.on("GET /agent/v1/health", FakeAgent.json(200, "{\"status\":\"UP\"}"));

            ServerIdentity identity = AgentClient.probe(URI.create(agent.url()));

            assertThat(identity.fingerprint()).isEqualTo(agent.fingerprint());
            assertThat(identity.healthy()).isTrue();
            assertThat(identity.subject()).contains("nextpanel-agent");
            assertThat(agent.requests.take().getHeaders().get("Authorization")).isNull();
        }
    }

    @Test
    void withoutAPinASelfSignedServerIsNotTrusted() throws Exception {
        try (FakeAgent agent = new FakeAgent(); AgentClient client = AgentClient.builder(agent.url()).token("t").build()) {
            agent.on("GET /agent/v1/health", FakeAgent.json(200, "{\"status\":\"UP\"}"));

            assertThatThrownBy(client::health)
                    .isInstanceOfSatisfying(AgentClientException.class,
                            e -> assertThat(e.code()).isEqualTo(ErrorCode.CERTIFICATE_UNTRUSTED));
        }
    }

    @Test
    void fingerprintsAreAcceptedAsPeoplePasteThem() {
        String hex = "ab".repeat(32);
        assertThat(Fingerprints.normalize("SHA256:" + Fingerprints.pretty(hex))).isEqualTo(hex);
        assertThat(Fingerprints.normalize(" " + hex.toUpperCase() + "\n")).isEqualTo(hex);
        assertThatThrownBy(() -> Fingerprints.normalize("abc"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'abc'");
    }
}
