package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobState;
import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.agent.jobs.StepView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A bench runner (not a test): N install/uninstall cycles of a small addon through the job engine on an H2 file,
 * printing p50/p90 of the whole job (submit to end) and the median of each step. Run with the test class path:
 * {@code java -cp ... com.nextpanel.addons.agent.install.InstallLatencyBench [cycles]}.
 */
public final class InstallLatencyBench {

    private InstallLatencyBench() {
    }

    public static void main(String[] args) throws Exception {
        int cycles = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        Path root = Files.createTempDirectory("install-bench");
        try (InstallFixture fx = new InstallFixture(root, DatabaseConfig.h2In(root.resolve("data")))) {
            fx.publish(InstallJobsContract.greeter("1.0.0"));
            List<Long> installs = new ArrayList<>();
            List<Long> uninstalls = new ArrayList<>();
            Map<String, List<Long>> steps = new TreeMap<>();
            for (int i = 0; i < cycles + 5; i++) {
                long t0 = System.nanoTime();
                JobView in = fx.run(JobRequest.install("greeter", Optional.empty()));
                long t1 = System.nanoTime();
                JobView out = fx.run(JobRequest.uninstall("greeter"));
                long t2 = System.nanoTime();
                if (in.state() != JobState.SUCCEEDED || out.state() != JobState.SUCCEEDED) {
                    throw new IllegalStateException("cycle " + i + " failed: " + in + " " + out);
                }
                if (i >= 5) { // warm-up
                    installs.add((t1 - t0) / 1_000_000);
                    uninstalls.add((t2 - t1) / 1_000_000);
                    for (StepView s : in.steps()) {
                        steps.computeIfAbsent("install." + s.name(), k -> new ArrayList<>()).add(s.durationMillis());
                    }
                    for (StepView s : out.steps()) {
                        steps.computeIfAbsent("uninstall." + s.name(), k -> new ArrayList<>()).add(s.durationMillis());
                    }
                }
            }
            System.out.printf("cycles=%d install p50=%d ms p90=%d ms; uninstall p50=%d ms p90=%d ms%n", cycles,
                    pct(installs, 50), pct(installs, 90), pct(uninstalls, 50), pct(uninstalls, 90));
            steps.forEach((k, v) -> System.out.printf("  %-22s p50=%d ms%n", k, pct(v, 50)));
        }
    }

    private static long pct(List<Long> values, int p) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(Math.min(sorted.size() - 1, sorted.size() * p / 100));
    }
}
