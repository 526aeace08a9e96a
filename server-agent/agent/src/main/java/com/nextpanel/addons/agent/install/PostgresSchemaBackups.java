package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.backup.PgCopy;
import com.nextpanel.addons.agent.backup.PgTools;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Per-addon schema backups on PostgreSQL through {@code pg_dump --schema} (plain SQL, with owner and grants) and
 * {@code psql} to restore, as the agent's user, when the client tools of the server's major version are installed
 * ({@link PgTools}); otherwise through JDBC {@code COPY} ({@link PgCopy}: generated DDL and rows, in one
 * repeatable-read transaction). The restore follows what the dump holds. Either way the role's grants outside its
 * schema ({@link RoleGrants}) are captured beside the dump and put back in the restore's transaction.
 */
public final class PostgresSchemaBackups implements SchemaBackups {

    static final String FILE = "schema.sql";

    private final DatabaseConfig config;

    public PostgresSchemaBackups(DatabaseConfig config) {
        this.config = config;
    }

    @Override
    public void checkCanDump(String id) throws Exception {
        try (Connection c = connect()) {
            if (PgTools.usable("pg_dump", c).isEmpty()) {
                PgCopy.checkCopyable(c, Optional.of("addon_" + id));
            }
        }
    }

    @Override
    public String dump(String id, Path dir) throws Exception {
        Path file = dir.resolve(FILE).toAbsolutePath();
        Optional<String> pgDump;
        try (Connection c = connect()) {
            pgDump = PgTools.usable("pg_dump", c);
            if (pgDump.isEmpty()) {
                long bytes = PgCopy.dump(c, Optional.of("addon_" + id), dir);
                RoleGrants.capture(c, false, "addon_" + id, dir);
                return "jdbc-copy, " + bytes + " bytes of rows";
            }
            RoleGrants.capture(c, false, "addon_" + id, dir);
        }
        List<String> cmd = new ArrayList<>(List.of(pgDump.get(), "--schema=addon_" + id, "--no-password",
                "--file=" + file));
        PgTools.run(cmd, config, "pg_dump of schema addon_" + id);
        DiskOps.fsync(file);
        return "pg_dump, " + Files.size(file) + " bytes";
    }

    @Override
    public String restore(String id, Path dir) throws Exception {
        if (Files.isRegularFile(dir.resolve(PgCopy.FILE))) {
            try (Connection c = connect()) {
                c.setAutoCommit(false);
                try (Statement s = c.createStatement()) {
                    s.execute("DROP SCHEMA IF EXISTS addon_" + id + " CASCADE");
                    long rows = PgCopy.load(c, dir);
                    RoleGrants.restore(c, false, "addon_" + id, dir);
                    c.commit();
                    return "JDBC COPY FROM STDIN, " + rows + " rows";
                } catch (Exception e) {
                    c.rollback();
                    throw e;
                }
            }
        }
        Path file = dir.resolve(FILE).toAbsolutePath();
        Path script = Files.createTempFile("restore-addon_" + id, ".sql"); // never inside the sealed backup folder
        String psql;
        try (Connection c = connect()) {
            // one transaction: drop the schema as it is now, recreate it from the dump, give the role its grants
            StringBuilder sql = new StringBuilder("DROP SCHEMA IF EXISTS addon_" + id + " CASCADE;\n\\i " + file
                    + "\n");
            for (String grant : RoleGrants.restoreStatements(c, false, "addon_" + id, dir)) {
                sql.append(grant).append(";\n");
            }
            Files.writeString(script, sql.toString());
            psql = PgTools.usable("psql", c).orElseThrow(() -> new AgentException(ErrorCode.CONFLICT,
                    "the backup of addon " + id + " was taken with pg_dump; restoring it needs psql of the server's"
                            + " major version, which is not installed"));
        }
        try {
            PgTools.run(List.of(psql, "--no-password", "--quiet", "--single-transaction", "-v", "ON_ERROR_STOP=1",
                    "--file=" + script), config, "restore of schema addon_" + id);
        } finally {
            Files.deleteIfExists(script);
        }
        return "psql from pg_dump";
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password());
    }
}
