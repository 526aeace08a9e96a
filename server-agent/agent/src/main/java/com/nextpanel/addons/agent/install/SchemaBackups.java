package com.nextpanel.addons.agent.install;

import java.nio.file.Path;

/** Dumps and restores one addon's schema: the backup an update takes first and restores when it fails. */
public interface SchemaBackups {

    /**
     * Writes a complete dump of schema {@code addon_<id>} (tables, rows, indexes, sequences, its migration history)
     * into {@code dir}.
     *
     * @return how it was taken, e.g. {@code H2 SCRIPT}
     */
    String dump(String id, Path dir) throws Exception;

    /**
     * Replaces schema {@code addon_<id>} with the dump in {@code dir}.
     *
     * @return how it was restored
     */
    String restore(String id, Path dir) throws Exception;
}
