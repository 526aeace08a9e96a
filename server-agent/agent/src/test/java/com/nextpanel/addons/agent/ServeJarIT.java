package com.nextpanel.addons.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.testing.AgentProcess;
import com.nextpanel.addons.agent.testing.PinnedHttp;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shaded jar as the contract runs it: {@code java -jar server-agent.jar serve ...}, stopped by SIGTERM. */
@ExtendWith(PostgresExtension.class)
class ServeJarIT {

    private static final Duration START = Duration.ofSeconds(60);

    @OnEachDatabase
    void servePrintsWhereItListensServesHttpsAndStopsCleanlyOnSigterm(DatabaseTarget db, @TempDir Path tmp)
            throws Exception {
        Path dir = tmp.resolve("data");
        String url;
        String fingerprint;
        try (AgentProcess agent = AgentProcess.startJar(AgentProcess.shadedJar(), dir, db)) {
            url = agent.awaitListening(START);
            assertThat(agent.stdout().stream().filter(l -> l.startsWith("listening on "))).hasSize(1);
            assertThat(url).matches("https://127\\.0\\.0\\.1:\\d+");
            fingerprint = Files.readString(dir.resolve("tls.sha256")).strip();
            assertThat(agent.stdout()).anySatisfy(l -> assertThat(l).contains(fingerprint));
            assertThat(agent.stdout()).anySatisfy(l -> assertThat(l).contains(dir.resolve("admin.token").toString()));

            HttpClient http = PinnedHttp.client(fingerprint);
            String token = Files.readString(dir.resolve("admin.token")).strip();
            HttpResponse<String> health = http.send(HttpRequest.newBuilder(URI.create(url + "/agent/v1/health"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(health.body()).isEqualTo("{\"status\":\"UP\"}");
            HttpResponse<String> created = http.send(HttpRequest.newBuilder(URI.create(url + "/api/v1/customers"))
                    .header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"Ann\",\"email\":\"ann@example.com\"}"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);

            int exit = agent.terminate(Duration.ofSeconds(30));
            assertThat(exit).as(agent.output()).isZero();
            assertThat(agent.stdout()).last().isEqualTo("stopped");
            assertThat(agent.stderr()).doesNotContain("ERROR", "Exception");
        }

        try (AgentProcess again = AgentProcess.startJar(AgentProcess.shadedJar(), dir, db)) {
            String url2 = again.awaitListening(START);
            assertThat(Files.readString(dir.resolve("tls.sha256")).strip()).isEqualTo(fingerprint);
            assertThat(again.stdout()).anySatisfy(l -> assertThat(l).contains("as made on first start"));
            HttpResponse<String> customers = PinnedHttp.client(fingerprint).send(
                    HttpRequest.newBuilder(URI.create(url2 + "/api/v1/customers"))
                            .header("Authorization", "Bearer " + Files.readString(dir.resolve("admin.token")).strip())
                            .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(customers.body()).contains("ann@example.com");
            assertThat(again.terminate(Duration.ofSeconds(30))).isZero();
        }
    }

    @Test
    void aBadValueMakesTheJarExitNonZeroWithOneLine(@TempDir Path tmp) {
        try (AgentProcess agent = AgentProcess.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", AgentProcess.shadedJar().toString(), "serve", "--data-dir",
                tmp.resolve("d").toString(), "--port", "http"), tmp.resolve("d"))) {
            assertThat(agent.awaitExit(Duration.ofSeconds(60))).isEqualTo(2);
            assertThat(agent.stdout()).isEmpty();
            assertThat(agent.stderr().lines().toList()).hasSize(1).first().asString().contains("--port", "'http'");
        }
    }

    @Test
    void anUnreachableDatabaseFailsTheStartWithOneLine(@TempDir Path tmp) {
        try (AgentProcess agent = AgentProcess.start(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", AgentProcess.shadedJar().toString(), "serve", "--data-dir",
                tmp.resolve("d").toString(), "--port", "0", "--db-url", "jdbc:postgresql://127.0.0.1:1/none",
                "--db-user", "nobody"), tmp.resolve("d"))) {
            assertThat(agent.awaitExit(Duration.ofSeconds(60))).isEqualTo(1);
            assertThat(agent.stderr().lines().toList()).as(agent.output()).hasSize(1).first().asString()
                    .contains("cannot start", "jdbc:postgresql://127.0.0.1:1/none");
        }
    }
}
