package com.nextpanel.addons.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Kills a real JVM at each step boundary of a job (the test-only halt switch), then recovers in this JVM from
 * the journal alone: the files, tables and registry are exactly as before the job or exactly as after it, and
 * the job never stays RUNNING.
 */
class JobRecoveryTest {

    @TempDir
    Path dir;

    @ParameterizedTest(name = "halted at {0}")
    @ValueSource(strings = {"resolve:before", "resolve:after", "download:before", "download:after", "stage:before",
            "stage:after", "migrate:before", "migrate:mid", "migrate:after", "activate:before", "activate:after",
            "commit:before"})
    void aJobKilledBeforeItsCommitPointIsUndoneAtStart(String point) throws Exception {
        int exit = runHalting(point);
        assertThat(exit).isEqualTo(137);

        try (EngineFixture fx = new EngineFixture(dir)) {
            JobView before = fx.recovery().recover().rolledBack().stream().findFirst()
                    .map(id -> new Journal(fx.ds).view(id).orElseThrow()).orElseThrow();

            assertThat(before.state()).isIn(JobState.ROLLED_BACK, JobState.FAILED);
            assertThat(Files.exists(dir.resolve("addons/kappa"))).isFalse();
            assertThat(fx.tables()).doesNotContain("t_kappa");
            assertThat(fx.registry()).isEmpty();
            assertThat(before.steps()).noneMatch(s -> s.state() == StepState.RUNNING);
            if (before.state() == JobState.ROLLED_BACK) {
                assertThat(before.rollback()).isNotEmpty();
            }
            assertThat(fx.exports).isNotEmpty();
        }
    }

    @ParameterizedTest(name = "halted at {0}")
    @ValueSource(strings = {"commit:after", "cleanup:before", "cleanup:after"})
    void aJobKilledAfterItsCommitPointIsFinishedAtStart(String point) throws Exception {
        Files.writeString(dir.resolve("old-kappa"), "old version's files");
        int exit = runHalting(point);
        assertThat(exit).isEqualTo(137);

        try (EngineFixture fx = new EngineFixture(dir)) {
            JobRecovery.Report report = fx.recovery().recover();
            String jobId = report.rolledForward().get(0);
            JobView job = new Journal(fx.ds).view(jobId).orElseThrow();

            assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(job.steps()).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.SUCCEEDED));
            assertThat(Files.exists(dir.resolve("addons/kappa/code.jar"))).isTrue();
            assertThat(Files.exists(dir.resolve("old-kappa"))).isFalse();
            assertThat(fx.tables()).contains("t_kappa");
            assertThat(fx.registry()).containsExactly("kappa");
            if (!point.equals("cleanup:after")) {
                assertThat(job.rollback()).extracting(StepView::name).containsExactly("cleanup");
            }
        }
    }

    @Test
    void withoutTheSwitchTheJobRunsToTheEndAndRecoveryHasNothingToDo() throws Exception {
        assertThat(runHalting(null)).isZero();
        try (EngineFixture fx = new EngineFixture(dir)) {
            assertThat(fx.recovery().recover().isEmpty()).isTrue();
            assertThat(fx.registry()).containsExactly("kappa");
        }
    }

    @Test
    void queuedJobsLeftByAStoppedAgentEndFailedAndNoJobStaysRunning() throws Exception {
        try (EngineFixture fx = new EngineFixture(dir)) {
            // journaled but never run: no engine worker is started
            JobEngine engine = new JobEngine(fx.ds, new TestPlanner(dir, fx.ds), () -> { }, java.time.Clock.systemUTC());
            JobView queued = engine.submit(JobRequest.install("never", Optional.empty()));

            JobRecovery.Report report = fx.recovery().recover();

            assertThat(report.discarded()).containsExactly(queued.jobId());
            assertThat(engine.find(queued.jobId()).orElseThrow().state()).isEqualTo(JobState.FAILED);
        }
    }

    private int runHalting(String point) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        if (point != null) {
            cmd.add("-D" + HaltSwitch.PROPERTY + "=install:" + point);
        }
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(HaltingJobMain.class.getName());
        cmd.add(dir.toString());
        cmd.add("kappa");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        if (!p.waitFor(2, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("child did not end: " + Files.readString(dir.resolve("child.log")));
        }
        return p.exitValue();
    }
}
