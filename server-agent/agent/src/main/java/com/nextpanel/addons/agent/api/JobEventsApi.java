package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.jobs.JobEvent;
import com.nextpanel.addons.agent.jobs.JobService;
import com.nextpanel.addons.agent.jobs.Subscription;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Blocker;
import org.eclipse.jetty.util.Callback;

/**
 * {@code GET /agent/v1/jobs/{jobId}/events}: the job's events as {@code text/event-stream} until it ends.
 * Events {@code step}, {@code progress}, {@code log} carry {@code {"jobId","step","state","message"}}
 * ({@code progress} adds {@code "progress"} as a fraction 0..1 and {@code "percent"}); the last event,
 * {@code end}, carries the finished job (a {@link JobJson}). Every event has an {@code id}, its number in the
 * stream; a client that reconnects with {@code Last-Event-ID: N} is sent the events after N. A comment line
 * is sent every {@value #KEEPALIVE_SECONDS} s so that proxies and dead clients are noticed.
 *
 * <p>The stream is written from the request's own thread: a console or two follow jobs, so a blocked thread
 * per stream is cheaper in code than an asynchronous writer, and the writes stay strictly in order.
 */
public final class JobEventsApi implements ApiResource, AutoCloseable {

    static final int KEEPALIVE_SECONDS = 15;
    private final JobService jobs;
    private final AtomicBoolean closed = new AtomicBoolean();

    public JobEventsApi(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.get("/agent/v1/jobs/{jobId}/events", this::stream));
    }

    /** Ends every open stream (the agent is stopping); clients reconnect to the next agent. */
    @Override
    public void close() {
        closed.set(true);
    }

    private void stream(Exchange ex) throws Exception {
        String jobId = ex.pathParam("jobId");
        jobs.find(jobId).orElseThrow(() -> JobsApi.unknown(jobId));
        long skip = lastEventId(ex);
        BlockingQueue<JobEvent> queue = new LinkedBlockingQueue<>();
        Subscription subscription = jobs.subscribe(jobId, queue::add);
        Response response = ex.response();
        Callback done = ex.takeOver();
        try (subscription) {
            response.setStatus(200);
            response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/event-stream;charset=utf-8");
            response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
            response.getHeaders().put("X-Accel-Buffering", "no");
            write(response, ": job " + jobId + "\n\n");
            long sequence = 0;
            int idleSeconds = 0;
            while (!closed.get()) {
                JobEvent event = queue.poll(1, TimeUnit.SECONDS);
                if (event == null) {
                    if (++idleSeconds >= KEEPALIVE_SECONDS) {
                        write(response, ": keepalive\n\n");
                        idleSeconds = 0;
                    }
                    continue;
                }
                idleSeconds = 0;
                sequence++;
                if (sequence > skip) {
                    write(response, format(sequence, event));
                }
                if (event.type() == JobEvent.Type.END) {
                    break;
                }
            }
            response.write(true, null, done);
        } catch (IOException | RuntimeException | InterruptedException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            done.failed(e);
        }
    }

    private String format(long sequence, JobEvent event) throws IOException {
        Object data;
        if (event.type() == JobEvent.Type.END) {
            data = jobs.find(event.jobId()).map(JobJson::of).map(Object.class::cast)
                    .orElseGet(() -> Map.of("jobId", event.jobId(), "state", event.state().orElse("")));
        } else {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("jobId", event.jobId());
            event.step().ifPresent(s -> fields.put("step", s));
            event.state().ifPresent(s -> fields.put("state", s));
            fields.put("message", event.message());
            event.percent().ifPresent(p -> {
                fields.put("progress", p / 100.0);
                fields.put("percent", p);
            });
            data = fields;
        }
        return "id: " + sequence + "\nevent: " + event.type().wireName() + "\ndata: "
                + ApiJson.MAPPER.writeValueAsString(data) + "\n\n";
    }

    private static void write(Response response, String text) throws IOException {
        try (Blocker.Callback callback = Blocker.callback()) {
            response.write(false, ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), callback);
            callback.block();
        }
    }

    private static long lastEventId(Exchange ex) {
        String value = ex.request().getHeaders().get("Last-Event-ID");
        if (value == null) {
            return 0;
        }
        try {
            return Math.max(0, Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
