package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Dumps and restores the whole database. H2: {@code SCRIPT} (one command, run under the database's lock, so it is
 * a consistent snapshot while addon routes write) and, to restore, every user schema dropped then
 * {@code RUNSCRIPT}. PostgreSQL: {@code pg_dump} (which reads in one repeatable-read snapshot) and {@code psql} in a
 * single transaction that first drops the user schemas. The job journal ({@code agent.jobs}, {@code agent.job_steps})
 * is kept as it is now across a restore: a restore must not rewrite the history of jobs, its own included.
 */
final class DatabaseDumps {

    static final String FILE = "database.sql";
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

    /** Writes the whole database to {@code dir/database.sql}. @return the method, for the manifest */
    String dump(Path dir) throws Exception {
        Path file = dir.resolve(FILE).toAbsolutePath();
        if (h2) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                s.execute("SCRIPT NOPASSWORDS NOSETTINGS TO '" + sqlText(file) + "'");
            }
            return "H2 SCRIPT";
        }
        PgTools.run(List.of(PgTools.tool("pg_dump"), "--no-password", "--file=" + file), dataSource, "pg_dump");
        return "pg_dump (plain SQL)";
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
    String restore(Path dir, Map<String, String> roles) throws Exception {
        Path file = dir.resolve(FILE).toAbsolutePath();
        Map<String, List<Map<String, Object>>> journal = readJournal();
        List<String> schemas = userSchemas();
        if (h2) {
            try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                for (String schema : schemas) {
                    s.execute("DROP SCHEMA " + quote(schema) + " CASCADE");
                }
                s.execute("RUNSCRIPT FROM '" + sqlText(file) + "'");
            }
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
            try {
                PgTools.run(List.of(PgTools.tool("psql"), "--no-password", "--quiet", "--single-transaction",
                        "-v", "ON_ERROR_STOP=1", "--file=" + script), dataSource, "psql restore");
            } finally {
                Files.deleteIfExists(script);
            }
        }
        writeJournal(journal);
        return h2 ? "H2 RUNSCRIPT" : "psql from pg_dump";
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

    /** The PostgreSQL client tools, found on the PATH or under {@code /usr/lib/postgresql/<major>/bin}. */
    static final class PgTools {

        private PgTools() {
        }

        static String tool(String name) {
            Optional<String> onPath = Stream.of(System.getenv().getOrDefault("PATH", "")
                    .split(java.io.File.pathSeparator)).map(d -> Path.of(d, name)).filter(Files::isExecutable)
                    .map(Path::toString).findFirst();
            if (onPath.isPresent()) {
                return onPath.get();
            }
            Path lib = Path.of("/usr/lib/postgresql");
            if (Files.isDirectory(lib)) {
                try (Stream<Path> versions = Files.list(lib)) {
                    Optional<String> found = versions.sorted(java.util.Comparator.reverseOrder())
                            .map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable)
                            .map(Path::toString).findFirst();
                    if (found.isPresent()) {
                        return found.get();
                    }
                } catch (IOException ignored) {
                    // fall through to the error below
                }
            }
            throw new AgentException(ErrorCode.CONFLICT, name + " is not installed (needed for a PostgreSQL backup"
                    + " or restore): install the PostgreSQL client tools");
        }

        /** Runs a client tool against the agent's database, credentials from its pool. */
        static void run(List<String> command, DataSource dataSource, String what)
                throws IOException, InterruptedException {
            Credentials cred = Credentials.of(dataSource);
            List<String> cmd = new ArrayList<>(command);
            URI uri = URI.create(cred.url().substring("jdbc:".length()));
            String database = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
            cmd.addAll(List.of("--host=" + (uri.getHost() == null ? "localhost" : uri.getHost()),
                    "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()), "--username=" + cred.user(),
                    "--dbname=" + database));
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
            if (!cred.password().isEmpty()) {
                pb.environment().put("PGPASSWORD", cred.password());
            }
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(30, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new AgentException(ErrorCode.INTERNAL, what + " timed out");
            }
            if (p.exitValue() != 0) {
                throw new AgentException(ErrorCode.INTERNAL, what + " failed (exit " + p.exitValue() + "): "
                        + out.trim());
            }
        }
    }

    /** Where the pool connects, and as whom: the client tools need the same. */
    record Credentials(String url, String user, String password) {
        static Credentials of(DataSource dataSource) {
            if (dataSource instanceof com.zaxxer.hikari.HikariDataSource h) {
                return new Credentials(h.getJdbcUrl(), h.getUsername(), h.getPassword() == null ? ""
                        : h.getPassword());
            }
            throw new AgentException(ErrorCode.INTERNAL, "backups on PostgreSQL need the agent's pooled data source"
                    + " (to hand its credentials to pg_dump)");
        }
    }
}
