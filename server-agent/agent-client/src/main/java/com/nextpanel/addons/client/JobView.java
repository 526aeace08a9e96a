package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A job, from {@code GET /agent/v1/jobs/{jobId}}: {@code {"jobId","action","id","state","steps","rollback"}};
 * {@code rollback} names the steps that were undone, in the order they were undone. The other fields are
 * read when the agent sends them.
 */
public record JobView(
        String jobId,
        String action,
        String id,
        JobState state,
        List<StepView> steps,
        @JsonDeserialize(contentUsing = TextOrName.class) List<String> rollback,
        Optional<String> version,
        Optional<String> message,
        Optional<Instant> createdAt,
        Optional<Instant> finishedAt) {

    public JobView {
        jobId = jobId == null ? "" : jobId;
        action = action == null ? "" : action;
        id = id == null ? "" : id;
        state = state == null ? JobState.UNKNOWN : state;
        steps = steps == null ? List.of() : List.copyOf(steps);
        rollback = rollback == null ? List.of() : List.copyOf(rollback);
        version = version == null ? Optional.empty() : version;
        message = message == null ? Optional.empty() : message;
        createdAt = createdAt == null ? Optional.empty() : createdAt;
        finishedAt = finishedAt == null ? Optional.empty() : finishedAt;
    }

    public JobView(String jobId, String action, String id, JobState state, List<StepView> steps, List<String> rollback) {
        this(jobId, action, id, state, steps, rollback, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }
}
