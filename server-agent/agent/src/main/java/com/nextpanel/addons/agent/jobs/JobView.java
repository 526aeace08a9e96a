package com.nextpanel.addons.agent.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as the API shows it: {@code GET /agent/v1/jobs/{jobId}}.
 *
 * @param jobId the job's id (a UUID string)
 * @param action what it does
 * @param addonId the addon it is about (see {@link JobRequest#addonId()})
 * @param state where it stands
 * @param steps the forward steps in the order they ran; an undone step reads {@link StepState#UNDONE}
 * @param rollback the undo of each step that was undone, in the order undone (reverse of {@code steps});
 *                 empty when nothing was undone
 * @param createdAt when it was submitted
 * @param finishedAt when it ended; empty while queued or running
 */
public record JobView(String jobId, JobAction action, String addonId, JobState state, List<StepView> steps,
                      List<StepView> rollback, Instant createdAt, Optional<Instant> finishedAt) {

    public JobView {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(addonId, "addonId");
        Objects.requireNonNull(state, "state");
        steps = List.copyOf(steps);
        rollback = List.copyOf(rollback);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(finishedAt, "finishedAt");
    }
}
