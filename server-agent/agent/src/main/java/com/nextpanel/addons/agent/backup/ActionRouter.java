package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobPlan;
import com.nextpanel.addons.agent.jobs.JobPlanner;
import com.nextpanel.addons.agent.jobs.JobRequest;

/**
 * The engine's one planner: every {@code BACKUP} and {@code RESTORE} (any scope) goes to {@link Backups};
 * everything else to the install planner.
 */
public final class ActionRouter implements JobPlanner {

    private final JobPlanner others;
    private final JobPlanner backups;

    public ActionRouter(JobPlanner others, JobPlanner backups) {
        this.others = others;
        this.backups = backups;
    }

    private JobPlanner of(JobRequest request) {
        return request.action() == JobAction.BACKUP || request.action() == JobAction.RESTORE ? backups : others;
    }

    @Override
    public void check(JobRequest request) {
        of(request).check(request);
    }

    @Override
    public JobPlan plan(String jobId, JobRequest request) {
        return of(request).plan(jobId, request);
    }
}
