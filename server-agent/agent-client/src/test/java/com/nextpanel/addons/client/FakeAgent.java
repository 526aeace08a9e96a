package com.nextpanel.addons.client;

import java.io.IOException;
import java.net.InetAddress;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Function;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/**
 * A local HTTPS server with a self-signed certificate standing in for the agent in the client's own
 * unit tests (the agent is built in parallel; its end-to-end tests drive this client against the real
 * one). Routes are answered by scripts keyed by "METHOD /path"; several answers for one key are served
 * in order, the last one repeating.
 */
final class FakeAgent implements AutoCloseable {

    final HeldCertificate certificate;
    final MockWebServer server = new MockWebServer();
    final LinkedBlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
    private final Map<String, Queue<Function<RecordedRequest, MockResponse>>> routes = new ConcurrentHashMap<>();

    FakeAgent() throws IOException {
        this(new HeldCertificate.Builder().commonName("nextpanel-agent").addSubjectAlternativeName("localhost").build());
    }

    FakeAgent(HeldCertificate certificate) throws IOException {
        this.certificate = certificate;
        HandshakeCertificates tls = new HandshakeCertificates.Builder().heldCertificate(certificate).build();
        server.useHttps(tls.sslSocketFactory());
        server.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                String key = request.getMethod() + " " + request.getUrl().encodedPath();
                Queue<Function<RecordedRequest, MockResponse>> q = routes.get(key);
                if (q == null || q.isEmpty()) {
                    return json(404, "{\"error\":\"not_found\",\"message\":\"no route " + key + "\"}");
                }
                Function<RecordedRequest, MockResponse> answer = q.size() > 1 ? q.poll() : q.peek();
                return answer.apply(request);
            }
        });
        server.start(InetAddress.getLoopbackAddress(), 0);
    }

    String url() {
        return "https://localhost:" + server.getPort();
    }

    String fingerprint() {
        return Fingerprints.sha256(certificate.certificate());
    }

    FakeAgent on(String methodAndPath, MockResponse response) {
        return on(methodAndPath, r -> response);
    }

    FakeAgent on(String methodAndPath, Function<RecordedRequest, MockResponse> answer) {
        routes.computeIfAbsent(methodAndPath, k -> new ConcurrentLinkedQueue<>()).add(answer);
        return this;
    }

    AgentClient client(String token) {
        return AgentClient.builder(url()).token(token).pinnedFingerprint(fingerprint())
                .reconnectDelay(java.time.Duration.ofMillis(10)).pollInterval(java.time.Duration.ofMillis(20)).build();
    }

    static MockResponse json(int code, String body) {
        return new MockResponse.Builder().code(code).addHeader("Content-Type", "application/json").body(body).build();
    }

    static MockResponse events(String body) {
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream").body(body).build();
    }

    @Override
    public void close() {
        server.close();
    }
}
