package com.nextpanel.addons.agent.jobs;

import static com.nextpanel.addons.agent.jobs.TestSteps.rec;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/**
 * Plans a test "install" of addon {@code id}: check, stage (a file), migrate (a table), commit (a registry row),
 * cleanup (deletes {@code old-<id>}). The requested version names a step to fail ({@code fail-stage}), or
 * {@code refuse} to fail at resolve.
 */
final class TestPlanner implements JobPlanner {

    private final Path dir;
    private final DataSource ds;

    TestPlanner(Path dir, DataSource ds) {
        this.dir = dir;
        this.ds = ds;
    }

    @Override
    public void check(JobRequest request) {
        if (request.addonId().equals("unknown")) {
            throw new AgentException(ErrorCode.NOT_FOUND, "no addon unknown");
        }
    }

    @Override
    public JobPlan plan(String jobId, JobRequest request) {
        String id = request.addonId();
        String fail = request.version().orElse("");
        if (fail.equals("refuse")) {
            throw new AgentException(ErrorCode.CONFLICT, "cannot install " + id,
                    List.of("route /api/v1/x is taken", "needs core 9"), null);
        }
        return new JobPlan(List.of(
                new TestSteps.CheckStep(rec("name", "download", "fail", "" + fail.equals("fail-download"))),
                new TestSteps.FileStep(rec("name", "stage", "path", dir.resolve("addons/" + id + "/code.jar").toString(),
                        "fail", "" + fail.equals("fail-stage"))),
                new TestSteps.TableStep(ds, rec("name", "migrate", "table", "t_" + id,
                        "fail", "" + fail.equals("fail-migrate"))),
                new TestSteps.CheckStep(rec("name", "activate", "fail", "" + fail.equals("fail-activate"))),
                new TestSteps.RegistryCommit(rec("name", "commit", "id", id)),
                new TestSteps.CleanupStep(rec("name", "cleanup", "path", dir.resolve("old-" + id).toString()))),
                "install " + id);
    }
}
