package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobService;
import com.nextpanel.addons.agent.registry.InstalledAddons;
import java.util.List;

/**
 * What is installed: {@code GET /agent/v1/addons} → {@code [{"id","version","state","installedAt"}]}, and
 * {@code POST /agent/v1/addons/{id}/disable|enable} → 202 {@code {"jobId"}}.
 */
public final class AddonsApi implements ApiResource {

    private final InstalledAddons installed;
    private final JobService jobs;

    public AddonsApi(InstalledAddons installed, JobService jobs) {
        this.installed = installed;
        this.jobs = jobs;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/agent/v1/addons", ex -> ex.ok(installed.list())),
                Route.post("/agent/v1/addons/{id}/disable",
                        ex -> JobAccepted.answer(ex, jobs.submit(JobRequest.disable(AddonIds.check(ex.pathParam("id")))))),
                Route.post("/agent/v1/addons/{id}/enable",
                        ex -> JobAccepted.answer(ex, jobs.submit(JobRequest.enable(AddonIds.check(ex.pathParam("id")))))));
    }
}
