package com.nextpanel.addons.agent.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls the plug at every step boundary of every job, with real agent processes, on H2 and PostgreSQL. The
 * boundaries are not a hand-picked list: a reference run of each job (install with a dependency, update with its
 * backup, uninstall, disable, enable, addon and full backup, addon restore across versions and full restore) says
 * which steps it has, and every step's {@code before} and {@code after} (and {@code migrate:mid} where the job
 * migrates, {@code restore:mid} where it loads a backup) becomes a case, so a new step is covered the day it
 * appears. A name the plan repeats (the install's two addons each have a {@code migrate}) is halted at by its
 * occurrence, {@code install:migrate#2:mid}. Each case starts an agent with the test-only halt switch on a fresh data dir and database, brings it
 * to the state before the job (on H2 by copying the reference's stopped server), submits the job over HTTPS, sees the process die with 137, starts it again without
 * the switch and requires the server exactly as before the job (job ROLLED_BACK, or FAILED when nothing had
 * changed) or exactly as the reference run left it (job SUCCEEDED).
 *
 * <p>The H2 and the PostgreSQL cases run side by side (one lane each, {@code -Dnextpanel.test.crash.lanes=1} for
 * one after the other); the tests report them in order. Narrow a run with
 * {@code -Dnextpanel.test.crash.jobs=UPDATE,FULL_RESTORE} and {@code -Dnextpanel.test.crash.databases=H2}.
 */
@ExtendWith(PostgresExtension.class)
class CrashAtEveryStepBoundaryTest {

    @TempDir
    static Path root;

    private static final AtomicInteger CASES = new AtomicInteger();
    private static final List<ExecutorService> LANES = new ArrayList<>();
    private static final long STARTED = System.nanoTime();

    @TestFactory
    Stream<DynamicNode> aJobKilledAtAnyStepBoundaryLeavesTheServerExactlyAsBeforeOrExactlyAsAfter(
            PostgresCluster cluster) {
        List<CrashScenario> scenarios = Stream.of(CrashScenario.values())
                .filter(s -> selected("nextpanel.test.crash.jobs", s.name())).toList();
        boolean oneLane = Integer.getInteger("nextpanel.test.crash.lanes", 2) < 2;
        ExecutorService shared = oneLane ? lane() : null;
        Map<DatabaseTarget.Kind, Map<CrashScenario, CompletableFuture<Planned>>> plans = new LinkedHashMap<>();
        for (DatabaseTarget.Kind kind : DatabaseTarget.Kind.values()) {
            if (!selected("nextpanel.test.crash.databases", kind.name())) {
                continue;
            }
            ExecutorService lane = oneLane ? shared : lane();
            Map<CrashScenario, CompletableFuture<Planned>> byScenario = new LinkedHashMap<>();
            for (CrashScenario scenario : scenarios) {
                byScenario.put(scenario, CompletableFuture.supplyAsync(() -> plan(scenario, kind, cluster, lane),
                        lane));
            }
            plans.put(kind, byScenario);
        }
        return plans.entrySet().stream().map(byKind -> dynamicContainer("on " + byKind.getKey(),
                byKind.getValue().entrySet().stream().map(e -> dynamicContainer(e.getKey().toString(),
                        Stream.of(e.getValue()).flatMap(f -> tests(e.getKey(), join(f)))))));
    }

    @AfterAll
    static void stopLanes() {
        LANES.forEach(ExecutorService::shutdownNow);
        System.out.printf("crash: boundary suite took %d s%n", (System.nanoTime() - STARTED) / 1_000_000_000L);
    }

    /** A scenario's reference run and, per boundary, its case (queued on the lane). */
    private record Planned(CrashRuns.Reference reference, Map<String, CompletableFuture<String>> cases) {
    }

    private static ExecutorService lane() {
        ExecutorService lane = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "crash-lane");
            t.setDaemon(true);
            return t;
        });
        LANES.add(lane);
        return lane;
    }

    /** Runs the reference on the lane, then queues one case per boundary behind it, on the same lane. */
    private static Planned plan(CrashScenario scenario, DatabaseTarget.Kind kind, PostgresCluster cluster,
                                ExecutorService lane) {
        long t0 = System.nanoTime();
        CrashRuns.Reference ref;
        try (CrashCase c = newCase(kind, cluster)) {
            ref = CrashRuns.reference(scenario, c);
        }
        System.out.printf("crash: reference %s on %s: steps %s, job %d ms, reference %d ms%n", scenario, kind,
                ref.steps(), ref.jobMillis(), (System.nanoTime() - t0) / 1_000_000);
        Map<String, CompletableFuture<String>> cases = new LinkedHashMap<>();
        for (String point : boundaries(scenario, ref.steps())) {
            cases.put(point, new CompletableFuture<>());
        }
        // queued after this task: the lane runs them in order once the reference is done
        lane.execute(() -> cases.forEach((point, result) -> {
            try {
                result.complete(crashAt(scenario, kind, cluster, point, ref));
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        }));
        return new Planned(ref, cases);
    }

    private static Stream<DynamicNode> tests(CrashScenario scenario, Planned planned) {
        List<DynamicNode> nodes = new ArrayList<>();
        List<String> steps = planned.reference().steps();
        nodes.add(dynamicTest("the reference run journaled the job's steps", () ->
                assertThat(steps).as("%s: its steps", scenario).startsWith("resolve").hasSizeGreaterThan(2)));
        planned.cases().forEach((point, result) -> nodes.add(dynamicTest("halted at " + point,
                (Executable) () -> join(result))));
        return nodes.stream();
    }

    /**
     * @return every step's before and after, and {@code migrate:mid} where the job migrates and {@code restore:mid}
     *         where it restores a backup, in job order; a step
     *         whose name an earlier step of the job has too is named by its occurrence ({@code migrate#2:mid})
     */
    static List<String> boundaries(CrashScenario scenario, List<String> steps) {
        Set<String> points = new LinkedHashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String step : steps) {
            int n = seen.merge(step, 1, Integer::sum);
            points.add(scenario.haltAt(step, n, "before"));
            if (step.equals("migrate") || step.equals("restore")) {
                points.add(scenario.haltAt(step, n, "mid"));
            }
            points.add(scenario.haltAt(step, n, "after"));
        }
        return List.copyOf(points);
    }

    /** @return the state the job ended in after the restart */
    private static String crashAt(CrashScenario scenario, DatabaseTarget.Kind kind, PostgresCluster cluster,
                                  String point, CrashRuns.Reference ref) {
        long t0 = System.nanoTime();
        String label = scenario + " on " + kind + " halted at " + point;
        try (CrashCase c = newCase(kind, cluster)) {
            Optional<String> jobId;
            int jobs;
            ref.template().ifPresent(template -> CrashRuns.copyTree(template, c.dataDir()));
            try (CrashAgent a = CrashAgent.start(c, Optional.of(point))) {
                if (ref.template().isEmpty()) {
                    scenario.prepare(a);
                }
                jobs = CrashAgent.json(a.get("/agent/v1/jobs").body()).size();
                try {
                    jobId = Optional.of(scenario.submit(a));
                } catch (UncheckedIOException diedBeforeAnswering) {
                    // at resolve:before the worker can halt the process before the 202 is written
                    jobId = Optional.empty();
                }
                int exit = CrashRuns.awaitHalt(a, jobId, point);
                assertThat(exit).as("%s: the agent must die there with 137:%n%s", label, a.output()).isEqualTo(137);
            }
            JsonNode job = CrashRuns.recoverAndJudge(c, jobId, jobs, ref.before(), ref.after(), label);
            String state = job.path("state").asText();
            if (!state.equals("SUCCEEDED") && !job.path("state").isMissingNode()) {
                CrashRuns.requireStoppedAt(c, job, point, ref.steps(), label);
            }
            System.out.printf("crash: %s -> %s (%d ms)%n", label, state, (System.nanoTime() - t0) / 1_000_000);
            return state;
        }
    }

    /** A developer's narrowing, e.g. {@code -Dnextpanel.test.crash.jobs=UPDATE,FULL_RESTORE}: all unless set. */
    private static boolean selected(String property, String name) {
        String only = System.getProperty(property, "").trim();
        return only.isEmpty() || List.of(only.toUpperCase(Locale.ROOT).split("\\s*,\\s*")).contains(name);
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof AssertionError a) {
                throw a;
            }
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    private static CrashCase newCase(DatabaseTarget.Kind kind, PostgresCluster cluster) {
        try {
            Path dir = Files.createDirectories(root.resolve("case-" + CASES.incrementAndGet())).resolve("data");
            return CrashCase.fresh(dir, kind, CrashCatalog.shared(), cluster);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
