package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobService;
import java.util.List;

/**
 * Install, update and uninstall, each answered 202 {@code {"jobId"}} once queued:
 * {@code POST /agent/v1/marketplace/install {"id","version"?}},
 * {@code POST /agent/v1/marketplace/update {"id","version"?,"backup"?}} (backup defaults to true),
 * {@code DELETE /agent/v1/marketplace/uninstall/{id}} (409 naming the dependents).
 */
public final class MarketplaceApi implements ApiResource {

    /** Body of install. */
    public record InstallBody(String id, String version) {
    }

    /** Body of update; {@code backup} is true unless the request says otherwise. */
    public record UpdateBody(String id, String version, Boolean backup) {
    }

    private final JobService jobs;

    public MarketplaceApi(JobService jobs) {
        this.jobs = jobs;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.post("/agent/v1/marketplace/install", ex -> {
                    InstallBody body = ex.body(InstallBody.class);
                    JobAccepted.answer(ex, jobs.submit(JobRequest.install(AddonIds.check(body.id()),
                            AddonIds.checkVersion(body.version()))));
                }),
                Route.post("/agent/v1/marketplace/update", ex -> {
                    UpdateBody body = ex.body(UpdateBody.class);
                    JobAccepted.answer(ex, jobs.submit(JobRequest.update(AddonIds.check(body.id()),
                            AddonIds.checkVersion(body.version()), body.backup() == null || body.backup())));
                }),
                Route.delete("/agent/v1/marketplace/uninstall/{id}",
                        ex -> JobAccepted.answer(ex, jobs.submit(JobRequest.uninstall(AddonIds.check(ex.pathParam("id")))))));
    }
}
