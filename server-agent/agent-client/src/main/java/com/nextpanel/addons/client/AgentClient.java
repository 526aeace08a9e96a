package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.X509TrustManager;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * A client for the whole agent API (ARCHITECTURE.md, "Contract: agent API"). Thread-safe; one per
 * server. It speaks HTTPS only to the certificate whose SHA-256 fingerprint it was given
 * ({@link Builder#pinnedFingerprint}), sends the bearer token on every call, and turns every failure
 * into an {@link AgentClientException} whose {@link ErrorCode} says what kind it is.
 *
 * <pre>{@code
 * ServerIdentity id = AgentClient.probe(URI.create("https://127.0.0.1:8443"));   // show, ask, pin
 * try (AgentClient agent = AgentClient.builder("https://127.0.0.1:8443")
 *         .token(token).pinnedFingerprint(id.fingerprint()).build()) {
 *     String jobId = agent.install("ai_chatbot");
 *     JobView done = agent.awaitJob(jobId, Duration.ofMinutes(2));
 * }
 * }</pre>
 */
public final class AgentClient implements AgentApi, AutoCloseable {

    private static final MediaType JSON = MediaType.get("application/json");
    private static final String API = "agent/v1";

    private final HttpUrl baseUrl;
    private final String token;
    private final OkHttpClient http;
    private final OkHttpClient streamHttp;
    private final ObjectMapper mapper;
    private final Duration reconnectDelay;
    private final int maxReconnects;
    private final Duration pollInterval;
    private final ScheduledExecutorService scheduler;

    private AgentClient(Builder b) {
        this.baseUrl = b.baseUrl;
        this.token = b.token;
        this.mapper = AgentJson.newMapper();
        this.reconnectDelay = b.reconnectDelay;
        this.maxReconnects = b.maxReconnects;
        this.pollInterval = b.pollInterval;
        OkHttpClient.Builder hb = new OkHttpClient.Builder()
                .connectTimeout(b.connectTimeout)
                .readTimeout(b.readTimeout)
                .callTimeout(Duration.ZERO)
                .retryOnConnectionFailure(true);
        if (b.fingerprint != null) {
            configurePinning(hb, PinnedTrustManager.pinning(b.fingerprint));
        }
        this.http = hb.build();
        // A quiet stream is normal while a step runs; a read timeout only makes us reconnect, which is harmless.
        this.streamHttp = http.newBuilder().readTimeout(b.streamReadTimeout).build();
        this.scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "agent-client-reconnect");
            t.setDaemon(true);
            return t;
        });
    }

    public static Builder builder(String baseUrl) {
        return new Builder(baseUrl);
    }

    public static Builder builder(URI baseUrl) {
        return new Builder(baseUrl.toString());
    }

    /**
     * Connects without trusting anything yet, records the certificate the server presents and asks
     * {@code /agent/v1/health}; sends no token. For trust on first use: show {@link ServerIdentity#fingerprint()}
     * to the user and pin it only when they agree.
     *
     * @throws AgentClientException {@link ErrorCode#OFFLINE} when nothing answers
     */
    public static ServerIdentity probe(URI baseUrl) {
        return probe(baseUrl, Duration.ofSeconds(5));
    }

    public static ServerIdentity probe(URI baseUrl, Duration timeout) {
        HttpUrl url = parseBase(baseUrl.toString());
        if (!url.isHttps()) {
            throw new IllegalArgumentException("the agent speaks HTTPS only: " + baseUrl);
        }
        PinnedTrustManager recorder = PinnedTrustManager.recordingAny();
        OkHttpClient.Builder hb = new OkHttpClient.Builder().connectTimeout(timeout).readTimeout(timeout);
        configurePinning(hb, recorder);
        OkHttpClient probeHttp = hb.build();
        boolean healthy = false;
        Request request = new Request.Builder().url(url.newBuilder().addPathSegments(API + "/health").build()).get().build();
        try (Response response = probeHttp.newCall(request).execute()) {
            healthy = response.isSuccessful() && response.body().string().contains("UP");
        } catch (IOException e) {
            if (recorder.lastPresented().isEmpty()) {
                throw Failures.fromIo(e, baseUrl.toString());
            }
        } finally {
            probeHttp.dispatcher().executorService().shutdown();
            probeHttp.connectionPool().evictAll();
        }
        X509Certificate cert = recorder.lastPresented().orElseThrow(() -> new AgentClientException(ErrorCode.BAD_RESPONSE,
                "the server at " + baseUrl + " presented no certificate", null));
        return new ServerIdentity(Fingerprints.sha256(cert), cert.getSubjectX500Principal().getName(),
                cert.getNotAfter().toInstant(), healthy);
    }

    // ---- agent API -------------------------------------------------------------------------------

    /** {@code GET /agent/v1/health} (no token needed). */
    @Override
    public Health health() {
        return get(API + "/health", type(Health.class));
    }

    /** {@code GET /agent/v1/addons}: what is installed. */
    @Override
    public List<AddonInfo> addons() {
        return get(API + "/addons", listOf(AddonInfo.class));
    }

    /** {@code POST /agent/v1/addons/{id}/disable}. @return the job id */
    @Override
    public String disable(String addonId) {
        return post(API + "/addons/" + seg(addonId) + "/disable", Map.of());
    }

    /** {@code POST /agent/v1/addons/{id}/enable}. @return the job id */
    @Override
    public String enable(String addonId) {
        return post(API + "/addons/" + seg(addonId) + "/enable", Map.of());
    }

    /** {@code GET /agent/v1/catalog}: the catalog as the agent verified it. */
    @Override
    public List<CatalogEntry> catalog() {
        return get(API + "/catalog", listOf(CatalogEntry.class));
    }

    /**
     * {@code POST /agent/v1/plan}.
     *
     * @throws AgentClientException {@link ErrorCode#CONFLICT} with {@link AgentClientException#reasons()} where it cannot
     */
    @Override
    public PlanView plan(PlanRequest request) {
        return send("POST", API + "/plan", request, type(PlanView.class));
    }

    /** {@code POST /agent/v1/marketplace/install} of the latest compatible version. @return the job id */
    public String install(String addonId) {
        return install(addonId, Optional.empty());
    }

    /** {@code POST /agent/v1/marketplace/install}. @return the job id */
    @Override
    public String install(String addonId, Optional<String> version) {
        return post(API + "/marketplace/install", new InstallBody(addonId, version));
    }

    /** {@code POST /agent/v1/marketplace/update}. @return the job id */
    @Override
    public String update(String addonId, Optional<String> version, boolean backupFirst) {
        return post(API + "/marketplace/update", new UpdateBody(addonId, version, backupFirst));
    }

    /**
     * {@code DELETE /agent/v1/marketplace/uninstall/{id}}. @return the job id
     *
     * @throws AgentClientException {@link ErrorCode#CONFLICT} while another installed addon depends on it
     */
    @Override
    public String uninstall(String addonId) {
        JobAccepted accepted = send("DELETE", API + "/marketplace/uninstall/" + seg(addonId), null, type(JobAccepted.class));
        return accepted.jobId();
    }

    /** {@code GET /agent/v1/jobs/{jobId}}. */
    @Override
    public JobView job(String jobId) {
        return get(API + "/jobs/" + seg(jobId), type(JobView.class));
    }

    /**
     * {@code GET /agent/v1/jobs}: the agent's recent jobs, newest first, where the agent offers the list
     * (not part of the contract).
     */
    @Override
    public List<JobView> jobs() {
        return get(API + "/jobs", listOf(JobView.class));
    }

    /**
     * Follows {@code GET /agent/v1/jobs/{jobId}/events}. Reconnects when the stream drops (sending
     * {@code Last-Event-ID}), and when the job ended while it was away, delivers an {@code end} event made
     * from the job itself. Stops after the {@code end} event.
     */
    @Override
    public EventSubscription events(String jobId, JobEventListener listener) {
        Objects.requireNonNull(listener, "listener");
        JobEventStream stream = new JobEventStream(this, jobId, listener);
        stream.start();
        return stream;
    }

    /**
     * Waits until the job ends, following its events and reading the job between them.
     *
     * @return the ended job
     * @throws AgentClientException {@link ErrorCode#TIMEOUT} when it has not ended in time; a transient
     *                              {@link ErrorCode#OFFLINE} is retried until then
     */
    @Override
    public JobView awaitJob(String jobId, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Semaphore signal = new Semaphore(0);
        AgentClientException lastOffline = null;
        try (EventSubscription ignored = events(jobId, new JobEventListener() {
            @Override
            public void onEvent(JobEvent event) {
                signal.release();
            }

            @Override
            public void onFailure(AgentClientException error) {
                signal.release();
            }
        })) {
            while (true) {
                try {
                    JobView job = job(jobId);
                    if (job.state().isTerminal()) {
                        return job;
                    }
                } catch (AgentClientException e) {
                    if (!e.isOffline()) {
                        throw e;
                    }
                    lastOffline = e;
                }
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw new AgentClientException(ErrorCode.TIMEOUT,
                            "job " + jobId + " did not end within " + timeout.toSeconds() + " s", lastOffline);
                }
                signal.tryAcquire(Math.min(remaining, pollInterval.toNanos()), TimeUnit.NANOSECONDS);
                signal.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AgentClientException(ErrorCode.INTERRUPTED, "interrupted while waiting for job " + jobId, e);
        }
    }

    /** {@code GET /agent/v1/backups}. */
    @Override
    public List<BackupInfo> backups() {
        return get(API + "/backups", listOf(BackupInfo.class));
    }

    /** {@code POST /agent/v1/backups}. @return the job id */
    @Override
    public String createBackup(BackupRequest request) {
        return post(API + "/backups", request);
    }

    /** {@code POST /agent/v1/backups/{backupId}/restore}. @return the job id */
    @Override
    public String restore(String backupId) {
        return post(API + "/backups/" + seg(backupId) + "/restore", Map.of());
    }

    /** {@code DELETE /agent/v1/backups/{backupId}} (issue 4's housekeeping). */
    @Override
    public void deleteBackup(String backupId) {
        send("DELETE", API + "/backups/" + seg(backupId), null, null);
    }

    // ---- addon and core routes under /api/v1 ------------------------------------------------------

    /** {@code GET} any route of the server, e.g. {@code /api/v1/chat/sessions}, with the same token. */
    @Override
    public JsonNode getJson(String path) {
        return get(relative(path), type(JsonNode.class));
    }

    /** {@code POST} a JSON body to any route of the server, e.g. to create rows through an addon's route. */
    @Override
    public JsonNode postJson(String path, Object body) {
        return send("POST", relative(path), body, type(JsonNode.class));
    }

    /** @return the mapper this client reads with (for {@link JobEvent#job}) */
    public ObjectMapper mapper() {
        return mapper;
    }

    public URI baseUrl() {
        return baseUrl.uri();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        http.dispatcher().executorService().shutdown();
        http.connectionPool().evictAll();
    }

    // ---- plumbing --------------------------------------------------------------------------------

    record InstallBody(String id, Optional<String> version) {
    }

    record UpdateBody(String id, Optional<String> version, boolean backup) {
    }

    private String post(String path, Object body) {
        JobAccepted accepted = send("POST", path, body, type(JobAccepted.class));
        return accepted.jobId();
    }

    private <T> T get(String path, JavaType type) {
        return send("GET", path, null, type);
    }

    private <T> T send(String method, String path, Object body, JavaType type) {
        Request request = request(path).method(method, body == null ? (method.equals("POST") ? empty() : null) : json(body)).build();
        try (Response response = http.newCall(request).execute()) {
            byte[] bytes = response.body().bytes();
            if (!response.isSuccessful()) {
                throw Failures.fromResponse(response.code(), bytes, mapper, method + " " + request.url().encodedPath());
            }
            if (type == null) {
                return null;
            }
            if (bytes.length == 0) {
                throw new AgentClientException(ErrorCode.BAD_RESPONSE,
                        method + " " + request.url().encodedPath() + " answered " + response.code() + " with an empty body", null);
            }
            return mapper.readValue(bytes, type);
        } catch (AgentClientException e) {
            throw e;
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new AgentClientException(ErrorCode.BAD_RESPONSE,
                    method + " " + request.url().encodedPath() + " answered JSON this client cannot read: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw Failures.fromIo(e, baseUrl.toString());
        }
    }

    Request.Builder request(String path) {
        HttpUrl url = Objects.requireNonNull(baseUrl.resolve(path), () -> "bad path " + path);
        Request.Builder rb = new Request.Builder().url(url).header("Accept", "application/json");
        if (token != null) {
            rb.header("Authorization", "Bearer " + token);
        }
        return rb;
    }

    OkHttpClient streamHttp() {
        return streamHttp;
    }

    ScheduledExecutorService scheduler() {
        return scheduler;
    }

    Duration reconnectDelay() {
        return reconnectDelay;
    }

    int maxReconnects() {
        return maxReconnects;
    }

    static String eventsPath(String jobId) {
        return API + "/jobs/" + seg(jobId) + "/events";
    }

    private RequestBody json(Object body) {
        try {
            return RequestBody.create(mapper.writeValueAsBytes(body), JSON);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot write request body " + body, e);
        }
    }

    private static RequestBody empty() {
        return RequestBody.create(new byte[0], JSON);
    }

    private JavaType type(Class<?> c) {
        return mapper.constructType(c);
    }

    private JavaType listOf(Class<?> c) {
        return mapper.getTypeFactory().constructCollectionType(List.class, c);
    }

    private static String relative(String path) {
        String p = path.startsWith("/") ? path.substring(1) : path;
        if (p.isEmpty() || p.contains("..")) {
            throw new IllegalArgumentException("bad route path: '" + path + "'");
        }
        return p;
    }

    private static String seg(String value) {
        Objects.requireNonNull(value, "path segment");
        return HttpUrl.parse("https://x/").newBuilder().addPathSegment(value).build().encodedPath().substring(1);
    }

    private static HttpUrl parseBase(String baseUrl) {
        HttpUrl url = HttpUrl.parse(Objects.requireNonNull(baseUrl, "baseUrl").trim());
        if (url == null) {
            throw new IllegalArgumentException("not an http(s) URL: '" + baseUrl + "'");
        }
        // Resolve paths below the base, also when it was given without a trailing slash.
        String p = url.encodedPath();
        return p.endsWith("/") ? url : url.newBuilder().encodedPath(p + "/").build();
    }

    private static void configurePinning(OkHttpClient.Builder hb, X509TrustManager trustManager) {
        try {
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, new X509TrustManager[] {trustManager}, null);
            hb.sslSocketFactory(ssl.getSocketFactory(), trustManager);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("TLS is not available in this JVM", e);
        }
        // The pin names one exact certificate, which is stronger than a host name match; the agent's
        // self-signed certificate may not name the address the console uses (an IP, a tunnel).
        hb.hostnameVerifier((host, session) -> true);
    }

    /** Builds an {@link AgentClient}. */
    public static final class Builder {
        private final HttpUrl baseUrl;
        private String token;
        private String fingerprint;
        private Duration connectTimeout = Duration.ofSeconds(5);
        private Duration readTimeout = Duration.ofSeconds(60);
        private Duration streamReadTimeout = Duration.ofSeconds(60);
        private Duration reconnectDelay = Duration.ofMillis(500);
        private int maxReconnects = 120;
        private Duration pollInterval = Duration.ofMillis(500);

        private Builder(String baseUrl) {
            this.baseUrl = parseBase(baseUrl);
        }

        /** The admin (bearer) token. */
        public Builder token(String token) {
            this.token = token == null || token.isBlank() ? null : token.trim();
            return this;
        }

        /**
         * The SHA-256 fingerprint of the server's certificate (as in {@code DIR/tls.sha256}); only that
         * certificate is accepted. Without one the system's CA trust applies.
         */
        public Builder pinnedFingerprint(String fingerprint) {
            this.fingerprint = fingerprint == null ? null : Fingerprints.normalize(fingerprint);
            return this;
        }

        public Builder connectTimeout(Duration d) {
            this.connectTimeout = Objects.requireNonNull(d);
            return this;
        }

        public Builder readTimeout(Duration d) {
            this.readTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** How long an event stream may stay silent before it is reopened (default 60 s). */
        public Builder streamReadTimeout(Duration d) {
            this.streamReadTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** The first delay before reopening a dropped event stream; it doubles up to 16 times that. */
        public Builder reconnectDelay(Duration d) {
            this.reconnectDelay = Objects.requireNonNull(d);
            return this;
        }

        /** How many times in a row a dropped event stream is reopened before giving up (default 120). */
        public Builder maxReconnects(int n) {
            this.maxReconnects = n;
            return this;
        }

        /** How often {@link AgentClient#awaitJob} reads the job when no event arrives (default 500 ms). */
        public Builder pollInterval(Duration d) {
            this.pollInterval = Objects.requireNonNull(d);
            return this;
        }

        public AgentClient build() {
            return new AgentClient(this);
        }
    }
}
