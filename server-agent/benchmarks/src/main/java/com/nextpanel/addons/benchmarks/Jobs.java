package com.nextpanel.addons.benchmarks;

import com.nextpanel.addons.client.AgentClient;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.client.JobView;
import com.nextpanel.addons.client.StepView;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** Runs one job through the API and times it from submit until the client sees it SUCCEEDED. */
public final class Jobs {

    private static final Duration JOB_TIMEOUT = Duration.ofMinutes(5);

    private Jobs() {
    }

    /** A finished job and the wall time the client saw. */
    public record Timed(JobView job, long wallNanos) {
        /** @return the agent's own time for the job, from its createdAt to finishedAt, in ns (or -1) */
        public long serverNanos() {
            if (job.createdAt().isPresent() && job.finishedAt().isPresent()) {
                return Duration.between(job.createdAt().get(), job.finishedAt().get()).toNanos();
            }
            return -1;
        }
    }

    public static Timed install(AgentClient client, String id) {
        return run(client, () -> client.install(id));
    }

    public static Timed uninstall(AgentClient client, String id) {
        return run(client, () -> client.uninstall(id));
    }

    /** Submits with {@code submit} (any job: backup, restore...) and waits for SUCCEEDED. */
    public static Timed run(AgentClient client, Supplier<String> submit) {
        long t0 = System.nanoTime();
        String jobId = submit.get();
        JobView job = client.awaitJob(jobId, JOB_TIMEOUT);
        long wall = System.nanoTime() - t0;
        if (job.state() != JobState.SUCCEEDED) {
            throw new IllegalStateException("job " + jobId + " (" + job.action() + " " + job.id() + ") ended "
                    + job.state() + ": " + job.message().orElse("") + " steps " + job.steps());
        }
        return new Timed(job, wall);
    }

    /** Per-step durations ({@code durationMs} of the job view), collected over many jobs. */
    public static final class StepTimes {
        private final Map<String, Samples> byStep = new TreeMap<>();

        public void add(JobView job) {
            for (StepView step : job.steps()) {
                step.duration().ifPresent(d -> byStep.computeIfAbsent(step.name(), k -> new Samples()).add(d.toNanos()));
            }
        }

        /** @return one line per step, {@code name p50 / max}, largest p50 first */
        public String table() {
            StringBuilder sb = new StringBuilder();
            byStep.entrySet().stream()
                    .sorted((a, b) -> Double.compare(b.getValue().p50(), a.getValue().p50()))
                    .forEach(e -> sb.append(String.format(java.util.Locale.ROOT, "    %-12s p50=%.0f ms max=%.0f ms%n",
                            e.getKey(), e.getValue().p50(), e.getValue().maxMs())));
            return sb.toString();
        }
    }
}
