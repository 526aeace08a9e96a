package com.nextpanel.addons.console.jobs;

import com.nextpanel.addons.client.JobEvent;
import com.nextpanel.addons.client.JobState;
import com.nextpanel.addons.client.JobView;
import com.nextpanel.addons.client.StepView;
import com.nextpanel.addons.console.common.Formats;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One job as the console follows it: state, steps with their durations, progress, log and the steps that
 * were rolled back. Fed on the UI thread by {@link JobTracker} from the job's server-sent events and
 * snapshots; events may repeat after a reconnect, so applying one is idempotent per step.
 */
public final class JobProgress {

    private final String jobId;
    private final String title;
    private final Instant startedAt;
    private final Clock clock;
    private final ReadOnlyObjectWrapper<JobState> state = new ReadOnlyObjectWrapper<>(JobState.QUEUED);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(-1);
    private final ReadOnlyStringWrapper connection = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Instant> finishedAt = new ReadOnlyObjectWrapper<>();
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ObservableList<String> log = FXCollections.observableArrayList();
    private final ObservableList<String> rollback = FXCollections.observableArrayList();
    private final Map<String, Instant> stepStarts = new HashMap<>();
    private boolean serverProgress;
    private boolean endAnnounced;

    public JobProgress(String jobId, String title, Clock clock) {
        this.jobId = jobId;
        this.title = title;
        this.clock = clock;
        this.startedAt = clock.instant();
    }

    public String jobId() {
        return jobId;
    }

    public String title() {
        return title;
    }

    public Instant startedAt() {
        return startedAt;
    }

    public ReadOnlyObjectProperty<JobState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public JobState state() {
        return state.get();
    }

    /** 0..1, or -1 while unknown. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Empty while the event stream is healthy; "Reconnecting…" while it is not. */
    public ReadOnlyStringProperty connectionProperty() {
        return connection.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Instant> finishedAtProperty() {
        return finishedAt.getReadOnlyProperty();
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public ObservableList<String> log() {
        return log;
    }

    public ObservableList<String> rollback() {
        return rollback;
    }

    public boolean isEnded() {
        return state.get().isTerminal();
    }

    /** @return true the first time only: the end of a job is announced once */
    boolean announceEnd() {
        boolean first = !endAnnounced;
        endAnnounced = true;
        return first;
    }

    void connectionTrouble(String text) {
        connection.set(text);
    }

    /** Applies one event of the job's stream. */
    public void apply(JobEvent event) {
        connection.set("");
        if (event.isEnd()) {
            event.state().flatMap(JobProgress::jobState).ifPresent(state::set);
            return;
        }
        event.progress().ifPresent(p -> {
            serverProgress = true;
            progress.set(p);
        });
        Optional<String> step = event.step();
        if (step.isPresent()) {
            String s = event.state().orElse("RUNNING");
            upsert(step.get(), s, event.message().orElse(""), Optional.empty());
            log("%s %s%s", step.get(), s, event.message().map(m -> m.isBlank() ? "" : " — " + m).orElse(""));
            if (s.equalsIgnoreCase("UNDONE") || s.equalsIgnoreCase("ROLLED_BACK")) {
                if (!rollback.contains(step.get())) {
                    rollback.add(step.get());
                }
            }
        } else if ("state".equals(event.type()) || (event.state().isPresent() && event.data().has("jobId"))) {
            event.state().flatMap(JobProgress::jobState).ifPresent(js -> {
                state.set(js);
                log("job %s", js);
            });
        } else if (event.message().isPresent()) {
            log("%s", event.message().get());
        }
        if (state.get() == JobState.QUEUED && step.isPresent()) {
            state.set(JobState.RUNNING);
        }
        recomputeProgress();
    }

    /** Applies a snapshot of the job (at start, and the final one at its end). */
    public void apply(JobView job) {
        for (StepView s : job.steps()) {
            Optional<Duration> d = s.duration();
            upsert(s.name(), s.state(), s.message(), d);
        }
        if (!job.rollback().isEmpty()) {
            rollback.setAll(job.rollback());
        }
        JobState before = state.get();
        if (job.state() != JobState.UNKNOWN) {
            state.set(job.state());
        }
        if (job.state().isTerminal()) {
            if (finishedAt.get() == null) {
                finishedAt.set(job.finishedAt().orElse(clock.instant()));
            }
            progress.set(1.0);
            if (before != job.state()) {
                log("job %s%s", job.state(), job.message().map(m -> " — " + m).orElse(""));
            }
            connection.set("");
        } else {
            recomputeProgress();
        }
    }

    /** @return how long the job ran, or has run so far */
    public Duration elapsed() {
        Instant end = finishedAt.get() == null ? clock.instant() : finishedAt.get();
        return Duration.between(startedAt, end);
    }

    private void upsert(String name, String stepState, String message, Optional<Duration> serverDuration) {
        Instant now = clock.instant();
        String upper = stepState.toUpperCase(Locale.ROOT);
        if (upper.equals("RUNNING")) {
            stepStarts.putIfAbsent(name, now);
        }
        for (int i = 0; i < steps.size(); i++) {
            StepRow row = steps.get(i);
            if (row.name().equals(name)) {
                Optional<Duration> duration = serverDuration.or(row::duration);
                StepRow updated = new StepRow(name, stepState.isBlank() ? row.state() : stepState,
                        message.isBlank() ? row.message() : message, duration);
                if (updated.duration().isEmpty() && updated.isFinished() && stepStarts.containsKey(name)) {
                    updated = new StepRow(updated.name(), updated.state(), updated.message(),
                            Optional.of(Duration.between(stepStarts.get(name), now)));
                }
                if (!updated.equals(row)) {
                    steps.set(i, updated);
                }
                return;
            }
        }
        steps.add(new StepRow(name, stepState, message, serverDuration));
    }

    private void recomputeProgress() {
        if (serverProgress || steps.isEmpty()) {
            return;
        }
        long finished = steps.stream().filter(StepRow::isFinished).count();
        progress.set((double) finished / steps.size());
    }

    private void log(String format, Object... args) {
        log.add(Formats.clock(clock.instant()) + "  " + String.format(Locale.ROOT, format, args));
    }

    private static Optional<JobState> jobState(String s) {
        try {
            return Optional.of(JobState.valueOf(s.toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** @return the row for a list of steps; for tests and the history file */
    List<StepRow> stepsSnapshot() {
        return List.copyOf(steps);
    }
}
