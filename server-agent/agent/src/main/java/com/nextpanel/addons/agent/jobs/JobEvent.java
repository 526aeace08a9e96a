package com.nextpanel.addons.agent.jobs;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One event of a job, as streamed by {@code GET /agent/v1/jobs/{jobId}/events} (the SSE event name is
 * {@link Type#wireName()}).
 *
 * @param type what kind of event
 * @param jobId the job
 * @param step the step it is about; empty for {@code end}
 * @param state for {@code step}: the step's {@link StepState} name; for {@code end}: the job's final
 *              {@link JobState} name; empty for {@code progress} and {@code log}
 * @param message human-readable text; never null, may be empty
 * @param percent for {@code progress}: 0–100 within the step; empty otherwise
 */
public record JobEvent(Type type, String jobId, Optional<String> step, Optional<String> state, String message,
                       OptionalInt percent) {

    /** The kinds of events. */
    public enum Type {
        /** A step started, ended, failed, or was undone (undo events carry the step name prefixed "undo "). */
        STEP,
        /** Progress within a step, e.g. bytes downloaded. */
        PROGRESS,
        /** A line of log for the console's log pane. */
        LOG,
        /** The job ended; always the last event of a subscription. */
        END;

        /** @return the lower-case name used on the wire: {@code step}, {@code progress}, {@code log}, {@code end} */
        public String wireName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    public JobEvent {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(step, "step");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(percent, "percent");
    }

    public static JobEvent step(String jobId, String step, StepState state, String message) {
        return new JobEvent(Type.STEP, jobId, Optional.of(step), Optional.of(state.name()), message,
                OptionalInt.empty());
    }

    public static JobEvent progress(String jobId, String step, int percent, String message) {
        return new JobEvent(Type.PROGRESS, jobId, Optional.of(step), Optional.empty(), message,
                OptionalInt.of(Math.max(0, Math.min(100, percent))));
    }

    public static JobEvent log(String jobId, String step, String message) {
        return new JobEvent(Type.LOG, jobId, Optional.ofNullable(step), Optional.empty(), message,
                OptionalInt.empty());
    }

    public static JobEvent end(String jobId, JobState state, String message) {
        return new JobEvent(Type.END, jobId, Optional.empty(), Optional.of(state.name()), message,
                OptionalInt.empty());
    }
}
