package com.nextpanel.addons.agent.jobs;

import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs jobs: one at a time, first in first out. The HTTP API is a thin layer over this.
 */
public interface JobService {

    /**
     * Queues a job. Checks that can be answered at once (unknown addon, a dependent blocking an uninstall, an
     * addon that is not installed) are answered here, before anything is queued.
     *
     * @return the queued job, state {@link JobState#QUEUED} (or later, if the worker was quick)
     * @throws com.nextpanel.addons.agent.AgentException {@code NOT_FOUND} for an unknown addon or version,
     *         {@code CONFLICT} naming every reason the job cannot run (e.g. the dependents of an addon to
     *         uninstall), {@code BAD_REQUEST} for a malformed request
     */
    JobView submit(JobRequest request);

    /** @return the job, or empty if there is no job with that id */
    Optional<JobView> find(String jobId);

    /** @return the most recent jobs, newest first, at most {@code limit} */
    List<JobView> recent(int limit);

    /**
     * Subscribes to a job's events: first replays what has happened so far (every step event in order), then
     * delivers live events, and always ends with one {@link JobEvent.Type#END} event (at once if the job has
     * already ended). The listener is called from a single thread per subscription, in order.
     *
     * @throws com.nextpanel.addons.agent.AgentException {@code NOT_FOUND} for an unknown job
     */
    Subscription subscribe(String jobId, Consumer<JobEvent> listener);
}
