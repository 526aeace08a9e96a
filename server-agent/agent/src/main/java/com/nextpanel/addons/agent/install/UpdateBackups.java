package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.Step;
import java.nio.file.Path;

/**
 * The backup an update takes before it changes anything: a {@code pre-update} backup in the backups feature's one
 * store ({@code DIR/backups/<backupId>/}, same manifest as every other backup), listed, restorable and kept by
 * retention like the others. The update's migrate undo restores the addon's schema from {@link #schemaDir}.
 */
public interface UpdateBackups {

    /** @return the id of the pre-update backup of addon {@code id} taken by job {@code jobId} */
    String backupId(String jobId, String id);

    /** @return the folder holding the addon's schema dump inside that backup */
    Path schemaDir(String backupId);

    /**
     * Refuses, when the update is submitted, a pre-update backup of addon {@code id} that could not be taken (no
     * room, or a dump that cannot reproduce the addon's schema), so the update is not accepted only to fail.
     *
     * @throws com.nextpanel.addons.agent.AgentException {@code CONFLICT} saying why
     */
    void checkCanTake(String id);

    /** @return the step (named {@code backup}) that takes it; its undo deletes it */
    Step take(String id, String backupId);

    /** @return the step (named {@code retention}) run after the update's commit */
    Step retention();
}
