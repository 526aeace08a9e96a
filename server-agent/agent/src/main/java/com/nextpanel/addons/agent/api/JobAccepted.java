package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.jobs.JobView;

/** The 202 answer to anything that starts a job: {@code {"jobId"}} (and its state, as an extension). */
public record JobAccepted(String jobId, String state) {

    static void answer(Exchange exchange, JobView job) throws Exception {
        exchange.json(202, new JobAccepted(job.jobId(), job.state().name()));
    }
}
