package com.nextpanel.addons.agent.jobs;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Creates and migrates the agent's own tables (schema {@code agent}: {@code jobs}, {@code job_steps},
 * {@code addons}) with Flyway, from {@code classpath:db/agent}, with the history table inside that schema.
 * Call once at start, before {@link JobRecovery#recover()}.
 */
public final class JournalSchema {

    private JournalSchema() {
    }

    public static void migrate(DataSource dataSource) {
        String schema = "agent";
        try (Connection c = dataSource.getConnection()) {
            // Flyway quotes the schema name; match how the database folds our unquoted "agent.jobs".
            if (c.getMetaData().storesUpperCaseIdentifiers()) {
                schema = "AGENT";
            }
            if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("h2")) {
                // H2 delays writes by 500 ms by default; a journal must reach the file at commit (a halted
                // process must not lose it). This SET lasts only until H2 opens the database again (each open
                // applies the URL's WRITE_DELAY, default 500): the agent's URLs carry WRITE_DELAY=0
                // (DatabaseConfig); this covers data sources built without DatabaseConfig for as long as they stay open.
                try (Statement s = c.createStatement()) {
                    s.execute("SET WRITE_DELAY 0");
                }
            }
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot reach the database: " + e.getMessage(), e);
        }
        Flyway.configure()
                .dataSource(dataSource)
                .schemas(schema)
                .createSchemas(true)
                .table("flyway_schema_history")
                .locations("classpath:db/agent")
                .load()
                .migrate();
    }
}
