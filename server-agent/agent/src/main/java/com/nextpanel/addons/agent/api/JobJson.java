package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.agent.jobs.StepView;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A job on the wire: {@code {"jobId","action","id","state","steps":[{"name","state","message"}],"rollback":[...]}},
 * plus {@code createdAt}, {@code finishedAt} (null while it runs) and each step's {@code durationMs}.
 * {@code action} is lower case, as requests name it ({@code install}); {@code state} upper case.
 */
public record JobJson(String jobId, String action, String id, String state, List<Step> steps, List<Step> rollback,
                      Instant createdAt, Instant finishedAt) {

    /** One step: {@code {"name","state","message","durationMs"}}. */
    public record Step(String name, String state, String message, long durationMs) {
        static Step of(StepView view) {
            return new Step(view.name(), view.state().name(), view.message(), view.durationMillis());
        }
    }

    public static JobJson of(JobView job) {
        return new JobJson(job.jobId(), job.action().name().toLowerCase(Locale.ROOT), job.addonId(),
                job.state().name(), job.steps().stream().map(Step::of).toList(),
                job.rollback().stream().map(Step::of).toList(), job.createdAt(), job.finishedAt().orElse(null));
    }
}
