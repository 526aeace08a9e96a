package com.nextpanel.addons.agent.install;

import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/** Each addon's schema {@code addon_<id>} (and role): what the migrate, drop and activate steps need. */
public interface AddonSchemas {

    /**
     * Creates the schema (and role) when missing, makes its grants those of {@code permissions}, and applies the
     * pending migrations of {@code migrationsDir} (which may not exist: no migrations).
     *
     * @return a short message: what was applied
     * @throws com.nextpanel.addons.agent.AgentException naming the failing migration
     */
    String migrate(String id, List<String> permissions, Path migrationsDir);

    /** @return whether the addon's schema exists */
    boolean exists(String id);

    /** Drops the schema with everything in it, and the role. Idempotent. */
    void drop(String id);

    /** @return a data source for the addon's code (its own role where the database has roles) */
    DataSource dataSource(String id);

    /** Closes the addon's pool, if any; schema and rows stay. */
    void close(String id);
}
