package com.nextpanel.addons.agent.jobs;

/** Turns a request into the steps of a job. The feature packages (install, backup) implement it. */
public interface JobPlanner {

    /**
     * Answers at once what can be answered before queueing: unknown addon, dependents blocking an uninstall.
     *
     * @throws com.nextpanel.addons.agent.AgentException when the request can never run now
     */
    void check(JobRequest request);

    /**
     * Resolves the job against the current state (run by the worker, when the job's turn comes): nothing may
     * change here.
     *
     * @throws com.nextpanel.addons.agent.AgentException with every reason when it cannot run; the job ends FAILED
     */
    JobPlan plan(String jobId, JobRequest request);
}
