package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Dumps and restores the whole database. H2: {@code SCRIPT} (one command, so one consistent snapshot while addon
 * routes write) and, to restore, every user schema dropped then {@code RUNSCRIPT}. PostgreSQL: {@code pg_dump}
 * (which reads in one repeatable-read snapshot) and {@code psql} in a single transaction that first drops the user
 * schemas; without a {@code pg_dump} of the server's major version, {@link PgCopy} (one repeatable-read transaction)
 * and its load in a single transaction. The job journal ({@code agent.jobs}, {@code agent.job_steps})
 * is kept as it is now across a restore: a restore must not rewrite the history of jobs, its own included.
 */
final class DatabaseDumps {

    static final String FILE = "database.sql";
    static final String COPY_DIR = "database";
    private static final List<String> JOURNAL = List.of("agent.jobs", "agent.job_steps");

    private final DataSource dataSource;
    private final boolean h2;

    DatabaseDumps(DataSource dataSource) {
        this.dataSource = dataSource;
        try (Connection c = dataSource.getConnection()) {
            this.h2 = c.getMetaData().getDatabaseProductName().toUpperCase(java.util.Locale.ROOT).contains("H2");
        } catch (SQLException e) {
            throw new AgentException(ErrorCode.INTERNAL, "backups: cannot reach the database: " + e.getMessage(), e);
        }
    }

    boolean h2() {
        return h2;
    }

    /** @return an estimate of the dump's size: what the database takes on disk */
    long estimateBytes() throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            if (!h2) {
                try (ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            long total = 0;
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = s.executeQuery("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES"
                    + " WHERE TABLE_TYPE = 'BASE TABLE' AND UPPER(TABLE_SCHEMA) <> 'INFORMATION_SCHEMA'")) {
                while (rs.next()) {
                    tables.add(quote(rs.getString(1)) + "." + quote(rs.getString(2)));
                }
            }
            for (String t : tables) {
                try (ResultSet rs = s.executeQuery("CALL DISK_SPACE_USED('" + t.replace("'", "''") + "')")) {
                    rs.next();
                    total += rs.getLong(1);
                }
            }
            return total;
        }
    }

    /**
     * Writes the whole database into {@code dir}: {@code database.sql} (H2 {@code SCRIPT}, or {@code pg_dump} of the
     * server's major version) or {@code database/} ({@link PgCopy}, when no such {@code pg_dump} is installed).
     *
     * @return the method, for the manifest: {@code h2-script}, {@code pg_dump} or {@code jdbc-copy}
     */
    String dump(Path dir) throws Exception {
        Path file = dir.resolve(FILE).toAbsolutePath();
        if (h2) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SCRIPT NOPASSWORDS NOSETTINGS TO '" + sqlText(file) + "'");
            }
            return BackupManifest.H2_SCRIPT;
        }
        Optional<String> pgDump;
        try (Connection c = dataSource.getConnection()) {
            pgDump = PgTools.usable("pg_dump", c);
            if (pgDump.isEmpty()) {
                PgCopy.dump(c, Optional.empty(), Files.createDirectories(dir.resolve(COPY_DIR)));
                return BackupManifest.JDBC_COPY;
            }
        }
        PgTools.run(List.of(pgDump.get(), "--no-password", "--file=" + file), Credentials.of(dataSource), "pg_dump");
        return BackupManifest.PG_DUMP;
    }

    /** @return for PostgreSQL, the owner of every addon schema now; empty on H2 (its users are in the script) */
    Map<String, String> addonSchemaOwners() throws SQLException {
        Map<String, String> out = new LinkedHashMap<>();
        if (h2) {
            return out;
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT nspname, pg_get_userbyid(nspowner) FROM pg_namespace"
                     + " WHERE nspname LIKE 'addon\\_%' ORDER BY nspname")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /**
     * Replaces the whole database with the dump in {@code dir}, keeping the job journal as it is now.
     *
     * @param roles PostgreSQL roles that must exist for the dump's owners and grants (created without a password:
     *              the agent sets one when it opens the addon's pool)
     */
    String restore(Path dir, String method, Map<String, String> roles) throws Exception {
        Path file = dir.resolve(FILE).toAbsolutePath();
        Map<String, List<Map<String, Object>>> journal = readJournal();
        List<String> schemas = userSchemas();
        String how;
        if (h2) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA " + quote(schema) + " CASCADE");
                }
                s.execute("RUNSCRIPT FROM '" + sqlText(file) + "'");
            }
            how = "H2 RUNSCRIPT";
        } else if (method.equals(BackupManifest.JDBC_COPY)) {
            createMissingRoles(roles.values());
            how = "JDBC COPY FROM STDIN, " + restoreByCopy(dir.resolve(COPY_DIR), schemas) + " rows";
        } else {
            createMissingRoles(roles.values());
            Path script = Files.createTempFile(dir.getParent(), "restore", ".sql");
            StringBuilder sql = new StringBuilder();
            for (String schema : schemas) {
                if (!schema.equals("public")) {
                    sql.append("DROP SCHEMA IF EXISTS ").append(quote(schema)).append(" CASCADE;\n");
                }
            }
            sql.append("\\i ").append(file).append('\n');
            Files.writeString(script, sql.toString());
            String psql;
            try (Connection c = dataSource.getConnection()) {
                psql = PgTools.usable("psql", c).orElseThrow(() -> new AgentException(ErrorCode.CONFLICT,
                        "this backup was taken with pg_dump; restoring it needs psql of the server's major version,"
                                + " which is not installed"));
            }
            try {
                PgTools.run(List.of(psql, "--no-password", "--quiet", "--single-transaction",
                        "-v", "ON_ERROR_STOP=1", "--file=" + script), Credentials.of(dataSource), "psql restore");
            } finally {
                Files.deleteIfExists(script);
            }
            how = "psql from pg_dump";
        }
        writeJournal(journal);
        return how;
    }

    /** One transaction: drop every user schema (and what {@code public} holds), recreate from the COPY dump. */
    private long restoreByCopy(Path copyDir, List<String> schemas) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
                }
                List<String> publicObjects = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT c.relkind, c.relname FROM pg_class c JOIN pg_namespace n"
                        + " ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'v', 'S')")) {
                    while (rs.next()) {
                        String kind = switch (rs.getString(1)) {
                            case "r" -> "TABLE";
                            case "v" -> "VIEW";
                            default -> "SEQUENCE";
                        };
                        publicObjects.add("DROP " + kind + " IF EXISTS public." + quote(rs.getString(2)) + " CASCADE");
                    }
                }
                for (String drop : publicObjects) {
                    s.execute(drop);
                }
                long rows = PgCopy.load(c, copyDir);
                c.commit();
                return rows;
            } catch (Exception e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private List<String> userSchemas() throws SQLException {
        String sql = h2 ? "SELECT SCHEMA_NAME FROM INFORMATION_SCHEMA.SCHEMATA WHERE UPPER(SCHEMA_NAME) NOT IN"
                + " ('INFORMATION_SCHEMA', 'PUBLIC')"
                : "SELECT nspname FROM pg_namespace WHERE nspname NOT LIKE 'pg\\_%'"
                + " AND nspname NOT IN ('information_schema', 'public')";
        List<String> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    void createMissingRoles(java.util.Collection<String> roles) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            for (String role : new java.util.TreeSet<>(roles)) {
                boolean exists;
                try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                    ps.setString(1, role);
                    try (ResultSet rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                }
                if (!exists) {
                    try (Statement s = c.createStatement()) {
                        s.execute("CREATE ROLE " + quote(role)
                                + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT");
                    }
                }
            }
        }
    }

    private Map<String, List<Map<String, Object>>> readJournal() throws SQLException {
        Map<String, List<Map<String, Object>>> out = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String table : JOURNAL) {
                List<Map<String, Object>> rows = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            row.put(md.getColumnName(i), rs.getObject(i));
                        }
                        rows.add(row);
                    }
                }
                out.put(table, rows);
            }
        }
        return out;
    }

    private void writeJournal(Map<String, List<Map<String, Object>>> journal) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.executeUpdate("DELETE FROM agent.job_steps");
                s.executeUpdate("DELETE FROM agent.jobs");
                for (String table : JOURNAL) {
                    for (Map<String, Object> row : journal.get(table)) {
                        List<String> cols = new ArrayList<>(row.keySet());
                        String sql = "INSERT INTO " + table + " (" + String.join(", ", cols) + ") VALUES ("
                                + String.join(", ", cols.stream().map(x -> "?").toList()) + ")";
                        try (PreparedStatement ps = c.prepareStatement(sql)) {
                            for (int i = 0; i < cols.size(); i++) {
                                ps.setObject(i + 1, row.get(cols.get(i)));
                            }
                            ps.executeUpdate();
                        }
                    }
                }
                long max;
                try (ResultSet rs = s.executeQuery("SELECT COALESCE(MAX(seq), 0) FROM agent.jobs")) {
                    rs.next();
                    max = rs.getLong(1);
                }
                if (h2) {
                    s.execute("ALTER TABLE agent.jobs ALTER COLUMN seq RESTART WITH " + (max + 1));
                } else {
                    s.execute("SELECT setval(pg_get_serial_sequence('agent.jobs', 'seq'), " + (max + 1) + ", false)");
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(auto);
            }
        }
    }

    private static String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    private static String sqlText(Path file) {
        return file.toString().replace("'", "''");
    }

    /** Where the pool connects, and as whom: the client tools need the same. */
    static final class Credentials {
        private Credentials() {
        }

        static com.nextpanel.addons.agent.db.DatabaseConfig of(DataSource dataSource) {
            if (dataSource instanceof com.zaxxer.hikari.HikariDataSource h) {
                return new com.nextpanel.addons.agent.db.DatabaseConfig(h.getJdbcUrl(), h.getUsername(),
                        h.getPassword() == null ? "" : h.getPassword());
            }
            throw new AgentException(ErrorCode.INTERNAL, "backups on PostgreSQL need the agent's pooled data source"
                    + " (to hand its credentials to pg_dump)");
        }
    }
}
