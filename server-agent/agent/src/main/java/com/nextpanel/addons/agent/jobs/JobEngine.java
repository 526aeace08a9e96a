package com.nextpanel.addons.agent.jobs;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The job engine: one worker thread runs one job at a time, first in first out, so only one job changes the
 * server at a time. Each job is resolved into steps by the {@link JobPlanner}; the whole plan is journaled, and
 * each step is journaled RUNNING before it runs. A failure before the commit step undoes the started steps in
 * reverse ({@code ROLLED_BACK}, or {@code FAILED} when none of them had changed the server). Call
 * {@link JobRecovery#recover()} before {@link #start()}.
 */
public final class JobEngine implements JobService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(JobEngine.class);
    private static final String STOP = "";

    private final Journal journal;
    private final JobPlanner planner;
    private final Runnable afterCommit;
    private final Clock clock;
    private final Undo undo;
    private final LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
    private final Map<String, JobChannel> channels = new ConcurrentHashMap<>();
    private final Thread worker;

    /**
     * @param dataSource the agent's database, migrated by {@link JournalSchema#migrate}
     * @param planner turns requests into steps
     * @param afterCommit runs after every commit (rewrites the registry export); must not throw
     */
    public JobEngine(DataSource dataSource, JobPlanner planner, Runnable afterCommit, Clock clock) {
        this.journal = new Journal(dataSource);
        this.planner = Objects.requireNonNull(planner, "planner");
        this.afterCommit = Objects.requireNonNull(afterCommit, "afterCommit");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.undo = new Undo(journal, clock);
        this.worker = new Thread(this::work, "job-worker");
        this.worker.setDaemon(true);
    }

    /** Starts the worker. */
    public void start() {
        worker.start();
    }

    @Override
    public JobView submit(JobRequest request) {
        Objects.requireNonNull(request, "request");
        planner.check(request);
        JobRecord job = new JobRecord(UUID.randomUUID().toString(), request.action(), request.addonId(),
                request.version(), request.backup(), JobState.QUEUED, false, clock.instant(), Optional.empty());
        channels.put(job.jobId(), new JobChannel());
        journal.insertJob(job);
        JobView queued = journal.view(job.jobId()).orElseThrow();
        queue.add(job.jobId());
        return queued;
    }

    /**
     * The journal's view of a job. The journal is never dropped or rewritten, not even by a full restore (which
     * leaves the journal tables out), so this reads it every time.
     */
    @Override
    public Optional<JobView> find(String jobId) {
        return journal.view(jobId);
    }

    @Override
    public List<JobView> recent(int limit) {
        return journal.recentJobs(limit).stream().map(journal::view).toList();
    }

    @Override
    public Subscription subscribe(String jobId, Consumer<JobEvent> listener) {
        JobChannel channel = channels.get(jobId);
        if (channel != null) {
            Optional<Subscription> live = channel.subscribe(jobId, listener);
            if (live.isPresent()) {
                return live.get();
            }
        }
        JobView view = find(jobId).orElseThrow(() -> new AgentException(ErrorCode.NOT_FOUND, "no job " + jobId));
        return JobChannel.replay(jobId, replayOf(view), listener);
    }

    /** The events of a finished job, rebuilt from its journal. */
    static List<JobEvent> replayOf(JobView view) {
        List<JobEvent> events = new ArrayList<>();
        for (StepView s : view.steps()) {
            events.add(JobEvent.step(view.jobId(), s.name(), s.state(), s.message()));
        }
        for (StepView s : view.rollback()) {
            events.add(JobEvent.step(view.jobId(), s.name(),
                    s.state() == StepState.SUCCEEDED ? StepState.UNDONE : s.state(), "undo: " + s.message()));
        }
        if (view.state().isFinal()) {
            events.add(JobEvent.end(view.jobId(), view.state(), ""));
        }
        return events;
    }

    /** Stops the worker after the running job; queued jobs stay QUEUED in the journal (recovery ends them). */
    @Override
    public void close() {
        queue.add(STOP);
        try {
            worker.join(60_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void work() {
        while (true) {
            String jobId;
            try {
                jobId = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            if (jobId.equals(STOP)) {
                return;
            }
            JobChannel channel = channels.getOrDefault(jobId, new JobChannel());
            try {
                run(jobId, channel::publish);
            } catch (RuntimeException | Error e) {
                LOG.error("job {} broke the engine", jobId, e);
                try {
                    journal.finishJob(jobId, JobState.FAILED, "internal error: " + Undo.describe(e), clock.instant());
                } catch (RuntimeException ignored) {
                    // the journal itself is unreachable; recovery finishes the job at the next start
                }
                channel.publish(JobEvent.end(jobId, JobState.FAILED, "internal error: " + Undo.describe(e)));
            } finally {
                channels.remove(jobId);
            }
        }
    }

    private void run(String jobId, Consumer<JobEvent> events) {
        JobRecord job = journal.job(jobId).orElseThrow();
        JobAction action = job.action();
        Context context = new Context(jobId, action, false, events);
        journal.markRunning(jobId, clock.instant());

        ResolveStep resolve = new ResolveStep();
        Instant t0 = clock.instant();
        journal.insertStep(jobId, StepRecord.FORWARD, 0, resolve, StepState.RUNNING, "");
        events.accept(JobEvent.step(jobId, resolve.name(), StepState.RUNNING, ""));
        HaltSwitch.check(action, resolve.name(), "before");
        JobPlan plan;
        try {
            plan = planner.plan(jobId, job.request());
        } catch (RuntimeException e) {
            String message = reasons(e);
            journal.updateStep(jobId, StepRecord.FORWARD, 0, StepState.FAILED, message, t0, since(t0));
            events.accept(JobEvent.step(jobId, resolve.name(), StepState.FAILED, message));
            finish(jobId, JobState.FAILED, message, events);
            return;
        }
        journal.updateStep(jobId, StepRecord.FORWARD, 0, StepState.SUCCEEDED, plan.summary(), t0, since(t0));
        events.accept(JobEvent.step(jobId, resolve.name(), StepState.SUCCEEDED, plan.summary()));
        for (int i = 0; i < plan.steps().size(); i++) {
            journal.insertStep(jobId, StepRecord.FORWARD, i + 1, plan.steps().get(i), StepState.PENDING, "");
        }
        HaltSwitch.check(action, resolve.name(), "after");

        List<Undo.Started> started = new ArrayList<>();
        boolean committed = false;
        List<String> postCommitFailures = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            Step step = plan.steps().get(i);
            int no = i + 1;
            Instant start = clock.instant();
            context.step(step.name());
            journal.updateStep(jobId, StepRecord.FORWARD, no, StepState.RUNNING, "", start, 0);
            events.accept(JobEvent.step(jobId, step.name(), StepState.RUNNING, ""));
            HaltSwitch.check(action, step.name(), "before");
            try {
                String message;
                if (step instanceof CommitStep commit) {
                    long[] ms = new long[1];
                    message = journal.commit(jobId, no, commit, context, start, ms);
                    committed = true;
                    runAfterCommit();
                } else {
                    message = step.run(context);
                    journal.updateStep(jobId, StepRecord.FORWARD, no, StepState.SUCCEEDED, message, start,
                            since(start));
                }
                events.accept(JobEvent.step(jobId, step.name(), StepState.SUCCEEDED, message));
                HaltSwitch.check(action, step.name(), "after");
                started.add(new Undo.Started(no, step, true));
            } catch (Exception e) {
                String message = Undo.describe(e);
                LOG.info("job {} {}: step {} failed: {}", action, jobId, step.name(), message);
                journal.updateStep(jobId, StepRecord.FORWARD, no, StepState.FAILED, message, start, since(start));
                events.accept(JobEvent.step(jobId, step.name(), StepState.FAILED, message));
                if (committed) {
                    // Past the commit point nothing is undone; recovery retries this step at the next start.
                    postCommitFailures.add(step.name() + ": " + message);
                    continue;
                }
                started.add(new Undo.Started(no, step, false));
                boolean changed = started.stream().anyMatch(s -> s.step().changesServer());
                boolean undone = undo.undoAll(jobId, started, 0, context, events);
                JobState end = changed ? JobState.ROLLED_BACK : JobState.FAILED;
                String summary = step.name() + " failed: " + message
                        + (undone ? "" : "; some undo steps failed, see the rollback list");
                finish(jobId, end, summary, events);
                return;
            }
        }
        finish(jobId, JobState.SUCCEEDED, postCommitFailures.isEmpty() ? "done"
                : "done; left for the next start: " + String.join("; ", postCommitFailures), events);
    }

    private void runAfterCommit() {
        try {
            afterCommit.run();
        } catch (RuntimeException e) {
            LOG.warn("after-commit action failed (the registry export is rewritten at the next commit)", e);
        }
    }

    private void finish(String jobId, JobState state, String message, Consumer<JobEvent> events) {
        journal.finishJob(jobId, state, message, clock.instant());
        events.accept(JobEvent.end(jobId, state, message));
    }

    private long since(Instant start) {
        return Math.max(0, clock.millis() - start.toEpochMilli());
    }

    private static String reasons(RuntimeException e) {
        if (e instanceof AgentException ae && !ae.reasons().isEmpty()) {
            return Undo.describe(e) + ": " + String.join("; ", ae.reasons());
        }
        return Undo.describe(e);
    }

    /** The context handed to steps; it knows which step runs, for progress and log events. */
    static final class Context implements StepContext {
        private final String jobId;
        private final JobAction action;
        private final boolean recovering;
        private final Consumer<JobEvent> events;
        private volatile String step = "";

        Context(String jobId, JobAction action, boolean recovering, Consumer<JobEvent> events) {
            this.jobId = jobId;
            this.action = action;
            this.recovering = recovering;
            this.events = events;
        }

        void step(String name) {
            this.step = name;
        }

        @Override
        public String jobId() {
            return jobId;
        }

        @Override
        public JobAction action() {
            return action;
        }

        @Override
        public boolean recovering() {
            return recovering;
        }

        @Override
        public void progress(int percent, String message) {
            events.accept(JobEvent.progress(jobId, step, percent, message));
        }

        @Override
        public void log(String message) {
            events.accept(JobEvent.log(jobId, step, message));
        }
    }
}
