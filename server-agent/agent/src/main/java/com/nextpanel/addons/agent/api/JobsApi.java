package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.jobs.JobService;
import java.util.List;

/**
 * Jobs: {@code GET /agent/v1/jobs/{jobId}} (a {@link JobJson}) and, as an extension, the history
 * {@code GET /agent/v1/jobs[?limit=N]} (newest first, default 50, at most 500).
 */
public final class JobsApi implements ApiResource {

    static final int DEFAULT_LIMIT = 50;
    static final int MAX_LIMIT = 500;
    private final JobService jobs;

    public JobsApi(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/agent/v1/jobs", ex -> {
                    int limit = ex.query("limit").map(JobsApi::limit).orElse(DEFAULT_LIMIT);
                    ex.ok(jobs.recent(limit).stream().map(JobJson::of).toList());
                }),
                Route.get("/agent/v1/jobs/{jobId}", ex -> {
                    String jobId = ex.pathParam("jobId");
                    ex.ok(JobJson.of(jobs.find(jobId).orElseThrow(() -> unknown(jobId))));
                }));
    }

    static AgentException unknown(String jobId) {
        return new AgentException(ErrorCode.NOT_FOUND, "no job " + jobId);
    }

    private static int limit(String value) {
        try {
            int n = Integer.parseInt(value);
            if (n >= 1 && n <= MAX_LIMIT) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new AgentException(ErrorCode.BAD_REQUEST, "'limit' must be 1 to " + MAX_LIMIT + ": " + value);
    }
}
