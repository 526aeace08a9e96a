package com.nextpanel.addons.agent.jobs;

import java.time.Instant;
import java.util.Optional;

/** A row of {@code agent.jobs}. */
record JobRecord(String jobId, JobAction action, String addonId, Optional<String> version, boolean backup,
                 JobState state, boolean committed, Instant createdAt, Optional<Instant> finishedAt) {

    JobRequest request() {
        return new JobRequest(action, addonId, version, backup);
    }
}
