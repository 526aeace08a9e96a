package com.nextpanel.addons.agent.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finishes, at start and before the agent serves, every job the journal shows unfinished: a job that had not
 * passed its commit point is undone (its started steps revived from the journal and undone in reverse) and ends
 * {@code ROLLED_BACK} ({@code FAILED} when nothing had changed); a job past it is finished forward and ends
 * {@code SUCCEEDED}. Either way each step recovery ran is listed in the job's rollback list. Jobs still queued
 * end {@code FAILED} (they never started; nothing changed). No job is left {@code RUNNING}.
 *
 * <p>Recovery works on files and rows only: nothing is loaded in memory yet. Loading the addons the registry
 * holds is the bootstrap's work, after this.
 */
public final class JobRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(JobRecovery.class);

    private final Journal journal;
    private final StepKinds kinds;
    private final Runnable afterCommit;
    private final Clock clock;
    private final Undo undo;

    public JobRecovery(DataSource dataSource, StepKinds kinds, Runnable afterCommit, Clock clock) {
        this.journal = new Journal(dataSource);
        this.kinds = Objects.requireNonNull(kinds, "kinds");
        this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.undo = new Undo(journal, clock);
    }

    /** What recovery did, for the log and for tests. */
    public record Report(List<String> rolledBack, List<String> rolledForward, List<String> discarded) {
        public boolean isEmpty() {
            return rolledBack.isEmpty() && rolledForward.isEmpty() && discarded.isEmpty();
        }
    }

    /**
     * The journaled records of the steps of {@code kind} that an unfinished job was running (forward, or being
     * undone) when the agent stopped, read before the start migrates anything: for a step whose interruption leaves
     * something the migrations cannot start on ({@code InterruptedRestoreRepair}). Empty on a new database.
     */
    public static List<Map<String, String>> interruptedSteps(DataSource dataSource, String kind) {
        return new Journal(dataSource).interruptedSteps(kind);
    }

    public Report recover() {
        List<String> back = new ArrayList<>();
        List<String> forward = new ArrayList<>();
        List<String> discarded = new ArrayList<>();
        for (JobRecord job : journal.jobsIn(JobState.QUEUED)) {
            journal.finishJob(job.jobId(), JobState.FAILED,
                    "the agent stopped before this job started; nothing was changed, submit it again",
                    clock.instant());
            discarded.add(job.jobId());
        }
        for (JobRecord job : journal.jobsIn(JobState.RUNNING)) {
            if (job.committed()) {
                finishForward(job, JobState.SUCCEEDED);
                forward.add(job.jobId());
            } else {
                rollBack(job);
                back.add(job.jobId());
            }
        }
        for (JobRecord job : journal.committedWithUnfinishedSteps()) {
            finishForward(job, job.state());
            forward.add(job.jobId());
        }
        try {
            afterCommit.run();
        } catch (RuntimeException e) {
            LOG.warn("could not rewrite the registry export after recovery", e);
        }
        Report report = new Report(back, forward, discarded);
        if (!report.isEmpty()) {
            LOG.info("recovered jobs: rolled back {}, finished {}, never started {}", back, forward, discarded);
        }
        return report;
    }

    private void rollBack(JobRecord job) {
        JobEngine.Context context = new JobEngine.Context(job.jobId(), job.action(), true, e -> { });
        List<Undo.Started> started = new ArrayList<>();
        for (StepRecord s : journal.steps(job.jobId(), StepRecord.FORWARD)) {
            if (s.kind().equals(ResolveStep.KIND)) {
                continue;
            }
            if (s.state() == StepState.RUNNING || s.state() == StepState.SUCCEEDED || s.state() == StepState.FAILED) {
                started.add(new Undo.Started(s.stepNo(), kinds.revive(s.kind(), s.record()),
                        s.state() == StepState.SUCCEEDED));
            }
        }
        int next = journal.steps(job.jobId(), StepRecord.ROLLBACK).size();
        boolean changed = started.stream().anyMatch(s -> s.step().changesServer());
        boolean ok = undo.undoAll(job.jobId(), started, next, context, e -> { });
        for (StepRecord s : journal.steps(job.jobId(), StepRecord.FORWARD)) {
            if (s.state() == StepState.RUNNING) {
                boolean undone = !s.kind().equals(ResolveStep.KIND) && kinds.revive(s.kind(), s.record()).changesServer();
                journal.updateStep(job.jobId(), StepRecord.FORWARD, s.stepNo(), StepState.FAILED,
                        "interrupted: the agent stopped during this step"
                                + (undone ? "; whatever it had changed was undone" : ""), clock.instant(), 0);
            }
        }
        String message = "the agent stopped during this job; recovery at start undid it"
                + (ok ? "" : " (some undo steps failed, see the rollback list)");
        journal.finishJob(job.jobId(), changed ? JobState.ROLLED_BACK : JobState.FAILED, message, clock.instant());
    }

    private void finishForward(JobRecord job, JobState endState) {
        JobEngine.Context context = new JobEngine.Context(job.jobId(), job.action(), true, e -> { });
        int next = journal.steps(job.jobId(), StepRecord.ROLLBACK).size();
        List<String> failures = new ArrayList<>();
        for (StepRecord s : journal.steps(job.jobId(), StepRecord.FORWARD)) {
            if (s.state() == StepState.SUCCEEDED) {
                continue;
            }
            Step step = kinds.revive(s.kind(), s.record());
            Instant t0 = clock.instant();
            journal.insertStep(job.jobId(), StepRecord.ROLLBACK, next, step, StepState.RUNNING, "");
            StepState state;
            String message;
            try {
                message = "finished at recovery: " + step.run(context);
                state = StepState.SUCCEEDED;
            } catch (Exception e) {
                message = "could not finish at recovery: " + Undo.describe(e);
                state = StepState.FAILED;
                failures.add(step.name() + ": " + Undo.describe(e));
            }
            long ms = clock.millis() - t0.toEpochMilli();
            journal.updateStep(job.jobId(), StepRecord.ROLLBACK, next, state, message, t0, ms);
            journal.updateStep(job.jobId(), StepRecord.FORWARD, s.stepNo(), state, message, t0, ms);
            next++;
        }
        journal.finishJob(job.jobId(), endState, failures.isEmpty()
                ? "the agent stopped after this job's commit point; recovery at start finished it"
                : "finished at recovery, except: " + String.join("; ", failures), clock.instant());
    }
}
