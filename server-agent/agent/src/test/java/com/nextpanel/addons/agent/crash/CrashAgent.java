package com.nextpanel.addons.agent.crash;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.agent.server.TlsIdentity;
import com.nextpanel.addons.agent.server.TokenStore;
import com.nextpanel.addons.agent.testing.AgentProcess;
import com.nextpanel.addons.agent.testing.PinnedHttp;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One real agent process ({@code serve}, started by {@link AgentLauncher}) on a crash case's data dir and database, with
 * an HTTPS client pinned to its certificate: submits jobs, waits for them, and is killed by the halt switch, by
 * SIGKILL or stopped by SIGTERM.
 */
final class CrashAgent implements AutoCloseable {

    static final Duration START = Duration.ofSeconds(120);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AgentProcess process;
    private final String url;
    private final HttpClient http;
    private final String token;

    private CrashAgent(AgentProcess process, Path dataDir) {
        this.process = process;
        this.url = process.awaitListening(START);
        this.http = PinnedHttp.client(read(dataDir.resolve(TlsIdentity.FINGERPRINT)));
        this.token = read(dataDir.resolve(TokenStore.ADMIN_TOKEN));
    }

    /** Starts an agent; with {@code haltAt} present, the test-only halt switch is set to it. */
    static CrashAgent start(CrashCase c, Optional<String> haltAt) {
        return new CrashAgent(AgentLauncher.shared().start(c, haltAt), c.dataDir());
    }

    HttpResponse<String> get(String path) {
        return send(request(path).GET().build());
    }

    HttpResponse<String> post(String path, String json) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    HttpResponse<String> delete(String path) {
        return send(request(path).DELETE().build());
    }

    /** Submits a job ({@code 202 {"jobId"}}). @return its id */
    String submit(String method, String path, String json) {
        HttpResponse<String> r = method.equals("DELETE") ? delete(path) : post(path, json);
        if (r.statusCode() != 202) {
            throw new IllegalStateException(method + " " + path + " " + json + " answered " + r.statusCode() + ": "
                    + r.body());
        }
        return json(r.body()).path("jobId").asText();
    }

    JsonNode job(String jobId) {
        return json(get("/agent/v1/jobs/" + jobId).body());
    }

    /**
     * Polls the job until it ends. An answer that is not the job is polled again: while a full restore replaces the
     * database, the journal is briefly out of reach.
     *
     * @return the job
     */
    JsonNode awaitJob(String jobId) {
        long deadline = System.nanoTime() + START.toNanos();
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = get("/agent/v1/jobs/" + jobId);
            JsonNode job = r.statusCode() == 200 ? json(r.body()) : null;
            String state = job == null ? "" : job.path("state").asText();
            if (job != null && !state.equals("QUEUED") && !state.equals("RUNNING")) {
                return job;
            }
            sleep(20);
        }
        throw new IllegalStateException("job " + jobId + " still running after " + START);
    }

    /** Runs a job to its end and requires it SUCCEEDED. @return the job */
    JsonNode run(String method, String path, String json) {
        JsonNode job = awaitJob(submit(method, path, json));
        if (!job.path("state").asText().equals("SUCCEEDED")) {
            throw new IllegalStateException(method + " " + path + " " + json + " did not succeed: " + job);
        }
        return job;
    }

    /** Waits for the process to die by itself (the halt switch). @return its exit code */
    int awaitDeath(Duration timeout) {
        return process.awaitExit(timeout);
    }

    boolean alive() {
        return process.process().isAlive();
    }

    /** SIGKILL, as a pulled plug. */
    void kill() {
        process.kill();
    }

    /** SIGTERM: a clean stop (the H2 file is free for the test to read afterwards). */
    void stop() {
        int exit = process.terminate(Duration.ofSeconds(60));
        if (exit != 0) {
            throw new IllegalStateException("agent stopped with " + exit + ":\n" + process.output());
        }
    }

    String output() {
        return process.output();
    }

    @Override
    public void close() {
        process.close();
    }

    static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(url + path)).timeout(Duration.ofSeconds(60))
                .header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(request.method() + " " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
