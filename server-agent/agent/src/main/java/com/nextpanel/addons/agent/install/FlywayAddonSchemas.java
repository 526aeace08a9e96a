package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.jobs.HaltSwitch;
import com.nextpanel.addons.agent.jobs.JobAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Addon schemas through Flyway on the agent's own connection, without per-addon roles: the fallback (and the
 * engine tests' implementation) until the isolation package's per-role {@code AddonDatabases} is wired in.
 * Each addon's history table lives in its schema; on PostgreSQL all pending migrations run in one transaction.
 */
public final class FlywayAddonSchemas implements AddonSchemas {

    private final DataSource dataSource;

    public FlywayAddonSchemas(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String migrate(String id, List<String> permissions, Path migrationsDir) {
        String schema = fold("addon_" + id);
        try {
            MigrateResult result = Flyway.configure()
                    .dataSource(dataSource)
                    .schemas(schema)
                    .createSchemas(true)
                    .table("flyway_schema_history")
                    .locations("filesystem:" + (Files.isDirectory(migrationsDir) ? migrationsDir
                            : Files.createTempDirectory("no-migrations")).toAbsolutePath())
                    .group(true)
                    .callbacks(new MidMigrationHalt())
                    .load()
                    .migrate();
            return "applied " + result.migrationsExecuted + " migration(s) in " + schema
                    + (result.targetSchemaVersion == null ? "" : ", now at version " + result.targetSchemaVersion);
        } catch (java.io.IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot migrate " + schema + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "migration of addon " + id + " failed: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public boolean exists(String id) {
        try (Connection c = dataSource.getConnection();
             ResultSet rs = c.getMetaData().getSchemas(null, fold("addon_" + id))) {
            return rs.next();
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot read schemas: " + e.getMessage(), e);
        }
    }

    @Override
    public void drop(String id) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS addon_" + id + " CASCADE");
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot drop schema addon_" + id + ": " + e.getMessage(), e);
        }
    }

    @Override
    public DataSource dataSource(String id) {
        return dataSource;
    }

    @Override
    public void close(String id) {
        // the shared pool stays open
    }

    private String fold(String name) {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(Locale.ROOT) : name;
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot reach the database: " + e.getMessage(), e);
        }
    }

    /**
     * The test-only {@code migrate:mid} halt point: after the first migration of a run, once per run (so
     * {@code migrate#2:mid} counts migrate steps, not migrations).
     */
    private static final class MidMigrationHalt extends org.flywaydb.core.api.callback.BaseCallback {
        private boolean checked;

        @Override
        public boolean supports(org.flywaydb.core.api.callback.Event event,
                                org.flywaydb.core.api.callback.Context context) {
            return event == org.flywaydb.core.api.callback.Event.AFTER_EACH_MIGRATE;
        }

        @Override
        public void handle(org.flywaydb.core.api.callback.Event event,
                           org.flywaydb.core.api.callback.Context context) {
            if (!checked) {
                checked = true;
                HaltSwitch.check(MigrationHalt.currentAction(), "migrate", "mid");
            }
        }
    }
}
