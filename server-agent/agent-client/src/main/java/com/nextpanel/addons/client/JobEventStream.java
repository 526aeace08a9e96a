package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One job's event stream that survives drops. okhttp-sse parses the stream but does not reconnect
 * (unlike a browser's EventSource), so this class does: on a drop or a server close before {@code end}
 * it first reads the job (when it ended meanwhile, it delivers an {@code end} event made from it) and
 * otherwise reopens the stream with {@code Last-Event-ID}, after a delay that doubles up to 16 times the
 * first. A rejected token, a changed certificate or an unknown job stop it at once.
 */
final class JobEventStream extends EventSourceListener implements EventSubscription {

    private static final Logger LOG = LoggerFactory.getLogger(JobEventStream.class);

    private final AgentClient client;
    private final String jobId;
    private final JobEventListener listener;
    private final AtomicBoolean done = new AtomicBoolean();
    private volatile EventSource source;
    private volatile String lastEventId;
    private int failuresInARow;

    JobEventStream(AgentClient client, String jobId, JobEventListener listener) {
        this.client = client;
        this.jobId = jobId;
        this.listener = listener;
    }

    void start() {
        open();
    }

    private synchronized void open() {
        if (done.get()) {
            return;
        }
        Request.Builder rb = client.request(AgentClient.eventsPath(jobId)).header("Accept", "text/event-stream");
        if (lastEventId != null) {
            rb.header("Last-Event-ID", lastEventId);
        }
        source = EventSources.createFactory(client.streamHttp()).newEventSource(rb.build(), this);
    }

    @Override
    public void onOpen(EventSource eventSource, Response response) {
        synchronized (this) {
            failuresInARow = 0;
        }
    }

    @Override
    public void onEvent(EventSource eventSource, String id, String type, String data) {
        if (done.get()) {
            return;
        }
        if (id != null && !id.isBlank()) {
            lastEventId = id;
        }
        JobEvent event = new JobEvent(type, Optional.ofNullable(id), parse(data));
        if (event.isEnd()) {
            finish();
            eventSource.cancel();
        }
        deliver(event);
    }

    @Override
    public void onClosed(EventSource eventSource) {
        if (!done.get()) {
            retry(new AgentClientException(ErrorCode.OFFLINE, "the event stream of job " + jobId + " closed before its end", null));
        }
    }

    @Override
    public void onFailure(EventSource eventSource, Throwable t, Response response) {
        if (done.get()) {
            return;
        }
        AgentClientException error;
        if (response != null && !response.isSuccessful()) {
            byte[] body = readQuietly(response);
            error = Failures.fromResponse(response.code(), body, client.mapper(), "GET " + AgentClient.eventsPath(jobId));
        } else if (t instanceof IOException io) {
            error = Failures.fromIo(io, client.baseUrl().toString());
        } else {
            error = new AgentClientException(ErrorCode.OFFLINE,
                    "the event stream of job " + jobId + " failed: " + (t == null ? "unexpected answer" : t.getMessage()), t);
        }
        if (isFinal(error)) {
            fail(error);
        } else {
            retry(error);
        }
    }

    private static boolean isFinal(AgentClientException e) {
        return switch (e.code()) {
            case UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CERTIFICATE_CHANGED, CERTIFICATE_UNTRUSTED, BAD_REQUEST -> true;
            default -> false;
        };
    }

    private void retry(AgentClientException cause) {
        int attempt;
        synchronized (this) {
            attempt = ++failuresInARow;
        }
        if (attempt > client.maxReconnects()) {
            fail(new AgentClientException(ErrorCode.OFFLINE,
                    "gave up following job " + jobId + " after " + client.maxReconnects() + " reconnects: " + cause.getMessage(), cause));
            return;
        }
        LOG.debug("event stream of job {} dropped ({}); reconnect {}", jobId, cause.getMessage(), attempt);
        listener.onReconnecting(attempt, cause);
        long delay = client.reconnectDelay().toMillis() * (1L << Math.min(attempt - 1, 4));
        try {
            client.scheduler().schedule(this::reconnect, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException closed) {
            fail(new AgentClientException(ErrorCode.OFFLINE, "the client was closed", closed));
        }
    }

    private void reconnect() {
        if (done.get()) {
            return;
        }
        try {
            JobView job = client.job(jobId);
            if (job.state().isTerminal()) {
                // It ended while we were away: the stream might not replay its end, so make one.
                JsonNode data = client.mapper().valueToTree(job);
                finish();
                deliver(new JobEvent(JobEvent.END, Optional.empty(), data));
                return;
            }
        } catch (AgentClientException e) {
            if (isFinal(e)) {
                fail(e);
            } else {
                retry(e);
            }
            return;
        }
        open();
    }

    private void deliver(JobEvent event) {
        try {
            listener.onEvent(event);
        } catch (RuntimeException e) {
            LOG.warn("job event listener failed on {} of job {}", event.type(), jobId, e);
        }
    }

    private void fail(AgentClientException error) {
        if (done.compareAndSet(false, true)) {
            cancelSource();
            listener.onFailure(error);
        }
    }

    private void finish() {
        done.set(true);
    }

    private JsonNode parse(String data) {
        if (data == null || data.isBlank()) {
            return JsonNodeFactory.instance.objectNode();
        }
        try {
            return client.mapper().readTree(data);
        } catch (IOException notJson) {
            return JsonNodeFactory.instance.objectNode().put("message", data);
        }
    }

    private static byte[] readQuietly(Response response) {
        try {
            return response.body().bytes();
        } catch (IOException | IllegalStateException e) {
            return "".getBytes(StandardCharsets.UTF_8);
        }
    }

    private void cancelSource() {
        EventSource s = source;
        if (s != null) {
            s.cancel();
        }
    }

    @Override
    public boolean isDone() {
        return done.get();
    }

    @Override
    public void close() {
        done.set(true);
        cancelSource();
    }
}
