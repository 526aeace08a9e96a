package com.nextpanel.addons.agent.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.agent.Agent;
import com.nextpanel.addons.agent.AgentConfig;
import com.nextpanel.addons.agent.JobsModule;
import com.nextpanel.addons.agent.AddonJobsModule;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.server.TlsIdentity;
import com.nextpanel.addons.agent.server.TokenStore;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real agent started in this JVM on a data dir and a {@link DatabaseTarget}, with an HTTPS client pinned
 * to its certificate and its admin token at hand. {@link #restart()} stops it and starts it again on the
 * same data dir and database.
 */
public final class TestAgent implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentConfig config;
    private final Agent agent;
    private final HttpClient http;
    private final String token;

    private final JobsModule.Factory jobs;

    private TestAgent(AgentConfig config, JobsModule.Factory jobs) {
        this.config = config;
        this.jobs = jobs;
        this.agent = Agent.start(config, jobs);
        this.http = PinnedHttp.client(read(config.dataDir().resolve(TlsIdentity.FINGERPRINT)));
        this.token = read(config.dataDir().resolve(TokenStore.ADMIN_TOKEN));
    }

    /** Starts an agent on {@code dataDir} (any free port) and the given database. */
    public static TestAgent start(Path dataDir, DatabaseTarget target) {
        return start(config(dataDir, target));
    }

    public static TestAgent start(AgentConfig config) {
        return new TestAgent(config, AddonJobsModule::start);
    }

    /** Starts an agent with its own job side (e.g. {@link FileJobs}) over the real engine. */
    public static TestAgent start(AgentConfig config, JobsModule.Factory jobs) {
        return new TestAgent(config, jobs);
    }

    /** @return the agent configuration for {@code dataDir} on {@code target}, on any free port */
    public static AgentConfig config(Path dataDir, DatabaseTarget target) {
        AgentConfig config = AgentConfig.local(dataDir, 0);
        return target.postgres()
                .map(db -> config.withDatabase(new DatabaseConfig(db.jdbcUrl(), db.user(), db.password())))
                .orElse(config);
    }

    /** Stops this agent and starts a new one on the same data dir and database (on a new free port). */
    public TestAgent restart() {
        close();
        return new TestAgent(config, jobs);
    }

    public Agent agent() {
        return agent;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** @return the admin token from {@code DIR/admin.token} */
    public String token() {
        return token;
    }

    /** @return a client that trusts only this agent's certificate */
    public HttpClient http() {
        return http;
    }

    public URI uri(String path) {
        return URI.create(agent.localUrl() + path);
    }

    /** @return a request builder for {@code path} with the admin token */
    public HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(uri(path)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token);
    }

    public HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    public HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> put(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    public HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return the body parsed as JSON */
    public static JsonNode json(HttpResponse<String> response) {
        return json(response.body());
    }

    /** @return the text parsed as JSON */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    @Override
    public void close() {
        agent.close();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
