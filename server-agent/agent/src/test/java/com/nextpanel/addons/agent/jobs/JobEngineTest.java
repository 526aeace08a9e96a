package com.nextpanel.addons.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JobEngineTest {

    @TempDir
    Path dir;
    EngineFixture fx;

    @BeforeEach
    void setUp() throws Exception {
        fx = new EngineFixture(dir);
        fx.start();
    }

    @AfterEach
    void tearDown() {
        fx.close();
    }

    private JobView run(String id, String version) throws Exception {
        JobView queued = fx.engine.submit(new JobRequest(JobAction.INSTALL, id, Optional.ofNullable(version), false));
        return fx.await(queued.jobId());
    }

    private static List<String> names(List<StepView> steps) {
        return steps.stream().map(StepView::name).toList();
    }

    @Test
    void aJobRunsEveryStepInOrderAndCommits() throws Exception {
        JobView job = run("alpha", null);

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(names(job.steps())).containsExactly("resolve", "download", "stage", "migrate", "activate", "commit",
                "cleanup");
        assertThat(job.steps()).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.SUCCEEDED));
        assertThat(job.rollback()).isEmpty();
        assertThat(job.finishedAt()).isPresent();
        assertThat(Files.exists(dir.resolve("addons/alpha/code.jar"))).isTrue();
        assertThat(fx.tables()).contains("t_alpha");
        assertThat(fx.registry()).containsExactly("alpha");
        assertThat(fx.exports).hasSize(1);
    }

    @Test
    void aFailureAfterChangesUndoesTheCompletedStepsInReverseAndEndsRolledBack() throws Exception {
        List<String> tablesBefore = fx.tables();

        JobView job = run("beta", "fail-activate");

        assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
        assertThat(job.steps()).extracting(StepView::name, StepView::state).containsExactly(
                org.assertj.core.groups.Tuple.tuple("resolve", StepState.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("download", StepState.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("stage", StepState.UNDONE),
                org.assertj.core.groups.Tuple.tuple("migrate", StepState.UNDONE),
                org.assertj.core.groups.Tuple.tuple("activate", StepState.FAILED),
                org.assertj.core.groups.Tuple.tuple("commit", StepState.PENDING),
                org.assertj.core.groups.Tuple.tuple("cleanup", StepState.PENDING));
        assertThat(job.steps().get(4).message()).contains("activate was told to fail");
        assertThat(names(job.rollback())).containsExactly("migrate", "stage");
        assertThat(job.rollback()).allSatisfy(s -> assertThat(s.state()).isEqualTo(StepState.SUCCEEDED));
        assertThat(Files.exists(dir.resolve("addons/beta"))).isFalse();
        assertThat(fx.tables()).isEqualTo(tablesBefore);
        assertThat(fx.registry()).isEmpty();
    }

    @Test
    void aStepThatFailsHalfWayIsUndoneToo() throws Exception {
        JobView job = run("gamma", "fail-migrate");

        assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
        assertThat(names(job.rollback())).containsExactly("migrate", "stage");
        assertThat(fx.tables()).doesNotContain("t_gamma");
    }

    @Test
    void aFailureBeforeAnyChangeEndsFailedWithNothingToUndo() throws Exception {
        JobView job = run("delta", "fail-download");

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.rollback()).isEmpty();
        assertThat(job.steps().get(1).message()).contains("download was told to fail");
        assertThat(Files.exists(dir.resolve("addons"))).isFalse();
    }

    @Test
    void aPlanThatCannotRunEndsFailedAtResolveNamingEveryReason() throws Exception {
        JobView job = run("eps", "refuse");

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(names(job.steps())).containsExactly("resolve");
        assertThat(job.steps().get(0).message()).contains("route /api/v1/x is taken").contains("needs core 9");
    }

    @Test
    void aRequestThatCanNeverRunIsRefusedAtSubmitAndNothingIsQueued() {
        assertThatThrownBy(() -> fx.engine.submit(JobRequest.install("unknown", Optional.empty())))
                .isInstanceOf(AgentException.class)
                .extracting(e -> ((AgentException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
        assertThat(fx.engine.recent(10)).isEmpty();
    }

    @Test
    void jobsRunOneAtATimeInTheOrderSubmitted() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        TestSteps.TableStep.GATES.put("t_first", gate);
        TestSteps.TableStep.RAN.clear();
        try {
            JobView first = fx.engine.submit(JobRequest.install("first", Optional.empty()));
            JobView second = fx.engine.submit(JobRequest.install("second", Optional.empty()));
            JobView third = fx.engine.submit(JobRequest.install("third", Optional.empty()));
            while (!TestSteps.TableStep.RAN.contains("t_first")) {
                Thread.onSpinWait();
            }
            assertThat(fx.engine.find(first.jobId()).orElseThrow().state()).isEqualTo(JobState.RUNNING);
            assertThat(fx.engine.find(second.jobId()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
            assertThat(fx.engine.find(third.jobId()).orElseThrow().state()).isEqualTo(JobState.QUEUED);
            gate.countDown();

            assertThat(fx.await(third.jobId()).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(TestSteps.TableStep.RAN).containsExactly("t_first", "t_second", "t_third");
            assertThat(fx.engine.recent(2)).extracting(JobView::jobId).containsExactly(third.jobId(), second.jobId());
        } finally {
            TestSteps.TableStep.GATES.remove("t_first");
        }
    }

    @Test
    void aSubscriberGetsTheStepsSoFarThenLiveEventsThenOneEnd() throws Exception {
        CountDownLatch gate = new CountDownLatch(1);
        TestSteps.TableStep.GATES.put("t_live", gate);
        try {
            JobView job = fx.engine.submit(JobRequest.install("live", Optional.empty()));
            while (!TestSteps.TableStep.RAN.contains("t_live")) {
                Thread.onSpinWait();
            }
            List<JobEvent> events = new CopyOnWriteArrayList<>();
            CountDownLatch end = new CountDownLatch(1);
            fx.engine.subscribe(job.jobId(), e -> {
                events.add(e);
                if (e.type() == JobEvent.Type.END) {
                    end.countDown();
                }
            });
            gate.countDown();
            assertThat(end.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();

            List<String> steps = events.stream().filter(e -> e.type() == JobEvent.Type.STEP)
                    .map(e -> e.step().orElseThrow() + ":" + e.state().orElseThrow()).toList();
            assertThat(steps).startsWith("resolve:RUNNING", "resolve:SUCCEEDED", "download:RUNNING")
                    .endsWith("commit:SUCCEEDED", "cleanup:RUNNING", "cleanup:SUCCEEDED");
            assertThat(events).filteredOn(e -> e.type() == JobEvent.Type.PROGRESS)
                    .anySatisfy(e -> assertThat(e.step()).contains("stage"));
            assertThat(events.get(events.size() - 1).type()).isEqualTo(JobEvent.Type.END);
            assertThat(events.get(events.size() - 1).state()).contains("SUCCEEDED");
            assertThat(events).filteredOn(e -> e.type() == JobEvent.Type.END).hasSize(1);
        } finally {
            TestSteps.TableStep.GATES.remove("t_live");
        }
    }

    @Test
    void aSubscriberToAFinishedJobGetsItsStepsReplayedFromTheJournalAndTheEnd() throws Exception {
        JobView job = run("done", "fail-activate");
        List<JobEvent> events = new CopyOnWriteArrayList<>();
        CountDownLatch end = new CountDownLatch(1);
        fx.engine.subscribe(job.jobId(), e -> {
            events.add(e);
            if (e.type() == JobEvent.Type.END) {
                end.countDown();
            }
        });
        assertThat(end.await(1, java.util.concurrent.TimeUnit.MINUTES)).isTrue();
        assertThat(events.get(events.size() - 1).state()).contains("ROLLED_BACK");
        assertThat(events).filteredOn(e -> e.state().orElse("").equals("UNDONE")).isNotEmpty();
    }

    @Test
    void subscribingToAnUnknownJobIsNotFound() {
        assertThatThrownBy(() -> fx.engine.subscribe("nope", e -> { }))
                .isInstanceOf(AgentException.class)
                .extracting(e -> ((AgentException) e).code()).isEqualTo(ErrorCode.NOT_FOUND);
    }
}
