package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.install.PlanService;
import com.nextpanel.addons.agent.jobs.JobService;
import com.nextpanel.addons.agent.registry.InstalledAddons;
import java.util.List;

/**
 * The job side of the agent as the HTTP API needs it. {@link Factory#start} runs, in order, the journal's schema,
 * recovery of unfinished jobs, the loading of installed addons into the host, and the job worker; the agent
 * serves only after it returns. {@link #close()} stops the worker (the running job finishes first).
 */
public interface JobsModule extends AutoCloseable {

    JobService jobs();

    PlanService plans();

    InstalledAddons installed();

    /** @return the backups for {@code GET /agent/v1/backups}, each written as JSON as it is */
    List<?> backups();

    /** Deletes a backup ({@code DELETE /agent/v1/backups/{backupId}}); throws {@code NOT_FOUND} when there is none. */
    default void deleteBackup(String backupId) {
        throw new AgentException(ErrorCode.NOT_FOUND, "no backup " + backupId);
    }

    @Override
    void close();

    /** Builds the job side over the parts the composition root made. */
    @FunctionalInterface
    interface Factory {
        JobsModule start(AgentParts parts);
    }
}
