package com.nextpanel.addons.agent.crash;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Pulls the plug at every step boundary of every job, with real agent processes, on H2 and PostgreSQL. The
 * boundaries are not a hand-picked list: a reference run of each job (install, update with its backup, uninstall,
 * addon and full backup, addon and full restore) says which steps it has, and every step's {@code before} and
 * {@code after} (and {@code migrate:mid} where the job migrates) becomes a case, so a new step is covered the day
 * it appears. Each case starts an agent with the test-only halt switch on a fresh data dir and database, brings it
 * to the state before the job, submits the job over HTTPS, sees the process die with 137, starts it again without
 * the switch and requires the server exactly as before the job (job ROLLED_BACK) or exactly as the reference run
 * left it (job SUCCEEDED).
 */
@ExtendWith(PostgresExtension.class)
class CrashAtEveryStepBoundaryTest {

    @TempDir
    static Path root;

    private static final AtomicInteger CASES = new AtomicInteger();

    @TestFactory
    Stream<DynamicNode> aJobKilledAtAnyStepBoundaryLeavesTheServerExactlyAsBeforeOrExactlyAsAfter(
            PostgresCluster cluster) {
        return Stream.of(DatabaseTarget.Kind.values()).filter(k -> selected("nextpanel.test.crash.databases", k.name()))
                .map(kind -> dynamicContainer("on " + kind, Stream.of(CrashScenario.values())
                        .filter(s -> selected("nextpanel.test.crash.jobs", s.name())).map(scenario -> dynamicContainer(scenario.toString(),
                        Stream.of(scenario).flatMap(s -> cases(s, kind, cluster))))));
    }

    /** A developer's narrowing, e.g. {@code -Dnextpanel.test.crash.jobs=UPDATE,FULL_RESTORE}: all unless set. */
    private static boolean selected(String property, String name) {
        String only = System.getProperty(property, "").trim();
        return only.isEmpty() || List.of(only.toUpperCase(java.util.Locale.ROOT).split("\\s*,\\s*")).contains(name);
    }

    /** The reference run of {@code scenario} on {@code kind}, then one case per boundary of its steps. */
    private static Stream<DynamicNode> cases(CrashScenario scenario, DatabaseTarget.Kind kind,
                                             PostgresCluster cluster) {
        long t0 = System.nanoTime();
        CrashRuns.Reference ref;
        try (CrashCase c = newCase(kind, cluster)) {
            ref = CrashRuns.reference(scenario, c);
        }
        System.out.printf("crash: reference %s on %s: steps %s, job %d ms, reference %d ms%n", scenario, kind,
                ref.steps(), ref.jobMillis(), (System.nanoTime() - t0) / 1_000_000);
        List<String> points = boundaries(scenario, ref.steps());
        List<DynamicNode> nodes = new ArrayList<>();
        nodes.add(dynamicTest("every step of the job can be halted at by its name", () ->
                assertThat(ref.steps()).as("%s: the halt switch names a step; two steps of one job with one name"
                        + " leave the second unreachable", scenario).doesNotHaveDuplicates()
                        .contains("resolve")));
        for (String point : points) {
            nodes.add(dynamicTest("halted at " + point, () -> crashAt(scenario, kind, cluster, point, ref)));
        }
        return nodes.stream();
    }

    /** @return every step's before and after, and {@code migrate:mid} where the job migrates, in job order */
    static List<String> boundaries(CrashScenario scenario, List<String> steps) {
        Set<String> points = new LinkedHashSet<>();
        for (String step : steps) {
            points.add(scenario.haltAt(step, "before"));
            if (step.equals("migrate")) {
                points.add(scenario.haltAt(step, "mid"));
            }
            points.add(scenario.haltAt(step, "after"));
        }
        return List.copyOf(points);
    }

    private static void crashAt(CrashScenario scenario, DatabaseTarget.Kind kind, PostgresCluster cluster,
                                String point, CrashRuns.Reference ref) {
        long t0 = System.nanoTime();
        String label = scenario + " on " + kind + " halted at " + point;
        try (CrashCase c = newCase(kind, cluster)) {
            String jobId;
            try (CrashAgent a = CrashAgent.start(c, Optional.of(point))) {
                scenario.prepare(a);
                jobId = scenario.submit(a);
                int exit = CrashRuns.awaitHalt(a, jobId, point);
                assertThat(exit).as("%s: the agent must die there with 137:%n%s", label, a.output()).isEqualTo(137);
            }
            String state = CrashRuns.recoverAndJudge(c, jobId, ref.before(), ref.after(), label);
            System.out.printf("crash: %s -> %s (%d ms)%n", label, state, (System.nanoTime() - t0) / 1_000_000);
        }
    }

    private static CrashCase newCase(DatabaseTarget.Kind kind, PostgresCluster cluster) {
        try {
            Path dir = Files.createDirectories(root.resolve("case-" + CASES.incrementAndGet())).resolve("data");
            return CrashCase.fresh(dir, kind, CrashCatalog.shared(), cluster);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
