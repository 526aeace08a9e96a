package com.nextpanel.addons.benchmarks;

import com.nextpanel.addons.client.AgentClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A steady, closed-loop load on the billing core's routes from a few client threads: each thread alternates
 * {@code GET /api/v1/customers} and {@code GET /api/v1/health} through the pinned agent client, without pause,
 * until {@link #stop()} or until it has sent {@code maxRequests} in all. Every exception or non-2xx answer counts
 * as a failed request.
 */
public final class CoreLoad {

    private final AgentClient client;
    private final int threads;
    private final long maxRequests;
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private final Samples customers = new Samples();
    private final Samples health = new Samples();
    private final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> workers = new ArrayList<>();
    private long startNanos;
    private long elapsedNanos;

    public CoreLoad(AgentClient client, int threads, long maxRequests) {
        this.client = client;
        this.threads = threads;
        this.maxRequests = maxRequests;
    }

    /** What one load phase saw. */
    public record Result(long requests, long failed, double seconds, Samples customers, Samples health,
                         List<String> firstFailures) {
        public double throughput() {
            return requests / seconds;
        }

        public String summary() {
            return String.format(Locale.ROOT, "%d requests in %.1f s = %.0f req/s, failed %d%n"
                            + "    GET /api/v1/customers %s p99=%.1f ms%n    GET /api/v1/health    %s p99=%.1f ms",
                    requests, seconds, throughput(), failed, customers.summary(), customers.p99(),
                    health.summary(), health.p99())
                    + (firstFailures.isEmpty() ? "" : "\n    first failures: " + firstFailures);
        }
    }

    public CoreLoad start() {
        running.set(true);
        startNanos = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread t = new Thread(this::loop, "core-load-" + i);
            t.setDaemon(true);
            workers.add(t);
            t.start();
        }
        return this;
    }

    private void loop() {
        boolean even = false;
        while (running.get() && sent.incrementAndGet() <= maxRequests) {
            even = !even;
            String path = even ? "/api/v1/customers" : "/api/v1/health";
            long t0 = System.nanoTime();
            try {
                client.getJson(path);
                (even ? customers : health).add(System.nanoTime() - t0);
            } catch (RuntimeException e) {
                failed.incrementAndGet();
                if (failures.size() < 5) {
                    failures.add(path + ": " + e.getMessage());
                }
            }
        }
    }

    /** Stops the threads (each finishes its request in flight) and returns what they saw. */
    public Result stop() throws InterruptedException {
        running.set(false);
        for (Thread t : workers) {
            t.join(60_000);
        }
        elapsedNanos = System.nanoTime() - startNanos;
        long requests = customers.count() + health.count() + failed.get();
        return new Result(requests, failed.get(), elapsedNanos / 1e9, customers, health, List.copyOf(failures));
    }

    /** Runs the load for {@code seconds} and returns what it saw. */
    public static Result runFor(AgentClient client, int threads, int seconds) throws InterruptedException {
        CoreLoad load = new CoreLoad(client, threads, Long.MAX_VALUE).start();
        Thread.sleep(seconds * 1000L);
        return load.stop();
    }
}
