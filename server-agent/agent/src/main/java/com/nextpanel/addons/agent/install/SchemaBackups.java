package com.nextpanel.addons.agent.install;

import java.nio.file.Path;

/** Dumps and restores one addon's schema: the backup an update takes first and restores when it fails. */
public interface SchemaBackups {

    /**
     * Writes a complete dump of schema {@code addon_<id>} (tables, rows, indexes, sequences, its migration history)
     * and its role's grants outside the schema ({@link RoleGrants}) into {@code dir}.
     *
     * @return how it was taken, e.g. {@code H2 SCRIPT}
     */
    String dump(String id, Path dir) throws Exception;

    /**
     * Refuses, before a job is accepted, a dump of schema {@code addon_<id>} that {@link #dump} could not take.
     *
     * @throws com.nextpanel.addons.agent.AgentException {@code CONFLICT} saying why
     */
    default void checkCanDump(String id) throws Exception {
    }

    /**
     * Replaces schema {@code addon_<id>} with the dump in {@code dir} and gives its role exactly the grants the dump
     * holds (those of the version backed up, whatever version is installed now).
     *
     * @return how it was restored
     */
    String restore(String id, Path dir) throws Exception;
}
