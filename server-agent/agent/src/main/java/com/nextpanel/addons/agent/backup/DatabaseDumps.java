package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.db.H2Script;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Dumps and restores the whole database. H2: {@code SCRIPT} (in one SNAPSHOT-isolation transaction, {@link H2Script}, so one consistent snapshot while addon
 * routes write) and, to restore, every user schema dropped then {@code RUNSCRIPT}. PostgreSQL: {@code pg_dump}
 * (which reads in one repeatable-read snapshot) and {@code psql} in a single transaction that first drops the user
 * schemas; without a {@code pg_dump} of the server's major version, {@link PgCopy} (one repeatable-read transaction)
 * and its load in a single transaction.
 *
 * <p>The job journal ({@code agent.jobs}, {@code agent.job_steps}, see {@link JournalTables}) is never part of it:
 * a dump leaves it out, and a restore drops and recreates everything but the journal tables (schema {@code agent}
 * stays, emptied of its other tables) and skips them in dumps that still hold them. So a restore never rewrites
 * the history of jobs, its own included, and there is no moment, crash or status poll, in which the journal is
 * missing or is the backup's.
 */
final class DatabaseDumps {

    static final String FILE = "database.sql";
    static final String COPY_DIR = "database";
    /**
     * Every script a restore writes next to the backups is {@code <this><random digits>.sql}, deleted when the
     * restore returns; the undo of a killed restore deletes what is left by this name.
     */
    static final String RESTORE_SCRIPT_PREFIX = "restore";

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
     * Refuses, before a job is accepted, a dump {@link #dump} could not take: on PostgreSQL without a {@code pg_dump}
     * of the server's major version, one holding objects JDBC {@code COPY} cannot reproduce ({@link PgCopy}).
     *
     * @throws AgentException {@code CONFLICT} naming them
     */
    void checkCanDump() throws SQLException {
        if (h2) {
            return;
        }
        try (Connection c = dataSource.getConnection()) {
            if (PgTools.usable("pg_dump", c).isEmpty()) {
                PgCopy.checkCopyable(c, Optional.empty());
            }
        }
    }

    /**
     * Writes the whole database but the job journal into {@code dir}: {@code database.sql} (H2 {@code SCRIPT}, or
     * {@code pg_dump} of the server's major version) or {@code database/} ({@link PgCopy}, when no such
     * {@code pg_dump} is installed).
     *
     * @return the method, for the manifest: {@code h2-script}, {@code pg_dump} or {@code jdbc-copy}
     */
    String dump(Path dir) throws Exception {
        Path file = dir.resolve(FILE).toAbsolutePath();
        if (h2) {
            // SCRIPT ... TABLE <list> would leave the journal out too, but also every schema without a listed
            // table (an addon's empty schema): script everything, then leave the journal's statements out.
            Path whole = Files.createTempFile(dir, "database", ".sql.tmp");
            try {
                try (Connection c = dataSource.getConnection()) {
                    H2Script.run(c, "SCRIPT NOPASSWORDS NOSETTINGS TO '" + sqlText(whole.toAbsolutePath()) + "'");
                }
                JournalTables.filterH2Script(whole, file);
            } finally {
                Files.deleteIfExists(whole);
            }
            return BackupManifest.H2_SCRIPT;
        }
        Optional<String> pgDump;
        try (Connection c = dataSource.getConnection()) {
            pgDump = PgTools.usable("pg_dump", c);
            if (pgDump.isEmpty()) {
                Path copyDir = Files.createDirectories(dir.resolve(COPY_DIR));
                PgCopy.dump(c, Optional.empty(), copyDir);
                withoutJournal(copyDir);
                return BackupManifest.JDBC_COPY;
            }
        }
        List<String> command = new ArrayList<>(List.of(pgDump.get(), "--no-password", "--file=" + file));
        command.addAll(JournalTables.pgDumpExcludes());
        PgTools.run(command, Credentials.of(dataSource), "pg_dump");
        return BackupManifest.PG_DUMP;
    }

    /** Rewrites a {@link PgCopy} dump's {@code copy.json} without the journal, and deletes the journal's rows. */
    private static void withoutJournal(Path copyDir) throws java.io.IOException {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper()
                .enable(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
        JournalTables.FilteredCopy filtered = JournalTables.filterCopyDump(json.readTree(
                copyDir.resolve(PgCopy.FILE).toFile()));
        json.writeValue(copyDir.resolve(PgCopy.FILE).toFile(), filtered.copy());
        for (String file : filtered.dropped()) {
            Path data = copyDir.resolve(file).normalize();
            if (data.startsWith(copyDir)) {
                Files.deleteIfExists(data);
            }
        }
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
     * Replaces the whole database but the job journal with the dump in {@code dir}; the journal tables are not
     * touched (a dump taken before they were left out still holds them: those statements are skipped).
     *
     * <p>On PostgreSQL this is one transaction. On H2 it is not (H2 commits each DDL statement), so a process that
     * dies between the drops and the end of {@code RUNSCRIPT} leaves a torn database, which
     * {@link InterruptedRestoreRepair} puts back from the restore's safety backup before anything migrates it.
     *
     * @param roles PostgreSQL roles that must exist for the dump's owners and grants (created without a password:
     *              the agent sets one when it opens the addon's pool)
     * @param midpoint run after the old content is dropped and before the dump is loaded (psql: before it runs the
     *                 script, which drops and loads in one transaction)
     */
    String restore(Path dir, String method, Map<String, String> roles, Runnable midpoint) throws Exception {
        Path file = dir.resolve(FILE).toAbsolutePath();
        List<String> schemas = userSchemas();
        String how;
        if (h2) {
            Path filtered = Files.createTempFile(dir.getParent(), RESTORE_SCRIPT_PREFIX, ".sql");
            try {
                int skipped = JournalTables.filterH2Script(file, filtered);
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    for (String drop : dropAllButJournal(c, schemas)) {
                        s.execute(drop);
                    }
                    midpoint.run();
                    s.execute("RUNSCRIPT FROM '" + sqlText(filtered.toAbsolutePath()) + "'");
                }
                how = "H2 RUNSCRIPT" + (skipped > 0 ? ", " + skipped + " journal statements skipped" : "");
            } finally {
                Files.deleteIfExists(filtered);
            }
        } else if (method.equals(BackupManifest.JDBC_COPY)) {
            createMissingRoles(roles.values());
            how = "JDBC COPY FROM STDIN, " + restoreByCopy(dir.resolve(COPY_DIR), schemas, midpoint);
        } else {
            createMissingRoles(roles.values());
            String psql;
            try (Connection c = dataSource.getConnection()) {
                psql = PgTools.usable("psql", c).orElseThrow(() -> new AgentException(ErrorCode.CONFLICT,
                        "this backup was taken with pg_dump; restoring it needs psql of the server's major version,"
                                + " which is not installed"));
            }
            Path script = Files.createTempFile(dir.getParent(), RESTORE_SCRIPT_PREFIX, ".sql");
            Path filtered = Files.createTempFile(dir.getParent(), RESTORE_SCRIPT_PREFIX, ".sql");
            int skipped;
            try {
                skipped = JournalTables.filterPgDump(file, filtered);
                StringBuilder sql = new StringBuilder();
                try (Connection c = dataSource.getConnection()) {
                    for (String drop : dropAllButJournal(c, schemas)) {
                        sql.append(drop).append(";\n");
                    }
                }
                sql.append("\\i ").append(filtered.toAbsolutePath()).append('\n');
                Files.writeString(script, sql.toString());
                midpoint.run();
                PgTools.run(List.of(psql, "--no-password", "--quiet", "--single-transaction",
                        "-v", "ON_ERROR_STOP=1", "--file=" + script), Credentials.of(dataSource), "psql restore");
            } finally {
                Files.deleteIfExists(script);
                Files.deleteIfExists(filtered);
            }
            how = "psql from pg_dump" + (skipped > 0 ? ", " + skipped + " journal entries skipped" : "");
        }
        return how;
    }

    /**
     * The statements that drop every user schema but {@code agent}, and in {@code agent} every table and view but
     * the journal's (the agent's migrations put nothing else there); on H2 also every user but the agent's own.
     */
    private List<String> dropAllButJournal(Connection c, List<String> schemas) throws SQLException {
        List<String> out = new ArrayList<>();
        for (String schema : schemas) {
            if (!schema.equalsIgnoreCase(JournalTables.SCHEMA) && !schema.equals("public")) {
                out.add("DROP SCHEMA IF EXISTS " + quote(schema) + " CASCADE");
            }
        }
        String sql = h2 ? "SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE FROM INFORMATION_SCHEMA.TABLES"
                + " WHERE UPPER(TABLE_SCHEMA) = 'AGENT' ORDER BY CASE WHEN TABLE_TYPE = 'VIEW' THEN 0 ELSE 1 END"
                : "SELECT n.nspname, c.relname, CASE WHEN c.relkind IN ('v', 'm') THEN 'VIEW' ELSE 'BASE TABLE' END"
                + " FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'agent'"
                + " AND c.relkind IN ('r', 'p', 'v', 'm') ORDER BY CASE WHEN c.relkind IN ('v', 'm') THEN 0 ELSE 1 END";
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                if (JournalTables.isJournal(rs.getString(1), rs.getString(2))) {
                    continue;
                }
                String kind = rs.getString(3).equals("VIEW") ? "VIEW" : "TABLE";
                out.add("DROP " + kind + " IF EXISTS " + quote(rs.getString(1)) + "." + quote(rs.getString(2))
                        + " CASCADE");
            }
        }
        if (h2) {
            // An H2 user is the database's, not a schema's: the dump names every user it needs (the agent's own one
            // exists already), so one it does not name must go, or a restore (and the undo of an interrupted one)
            // leaves the users of whatever was there before.
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT USER_NAME FROM"
                    + " INFORMATION_SCHEMA.USERS WHERE USER_NAME <> CURRENT_USER ORDER BY USER_NAME")) {
                while (rs.next()) {
                    out.add("DROP USER IF EXISTS " + quote(rs.getString(1)));
                }
            }
        }
        return out;
    }

    /**
     * One transaction: drop every user schema but the journal's tables (and what {@code public} holds), recreate from
     * the COPY dump. A dump taken before the journal was left out is loaded through a filtered {@code copy.json} in a
     * scratch directory whose {@code data} links to the backup's (the backup's files are never changed).
     */
    private String restoreByCopy(Path copyDir, List<String> schemas, Runnable midpoint) throws Exception {
        com.fasterxml.jackson.databind.ObjectMapper json = new com.fasterxml.jackson.databind.ObjectMapper();
        com.fasterxml.jackson.databind.JsonNode copy = json.readTree(copyDir.resolve(PgCopy.FILE).toFile());
        Path scratch = null;
        Path loadDir = copyDir;
        int skipped = JournalTables.filterCopyDump(copy).dropped().size();
        if (JournalTables.copyDumpNeedsFilter(copy)) {
            scratch = Files.createTempDirectory(copyDir.getParent().getParent(), "restore-copy");
            json.writeValue(scratch.resolve(PgCopy.FILE).toFile(), JournalTables.filterCopyDump(copy).copy());
            Files.createSymbolicLink(scratch.resolve("data"), copyDir.resolve("data").toAbsolutePath());
            loadDir = scratch;
        }
        try {
            return loadCopy(loadDir, schemas, midpoint) + " rows" + (skipped > 0 ? ", " + skipped + " journal tables skipped" : "");
        } finally {
            if (scratch != null) {
                Files.deleteIfExists(scratch.resolve("data"));
                Files.deleteIfExists(scratch.resolve(PgCopy.FILE));
                Files.deleteIfExists(scratch);
            }
        }
    }

    private long loadCopy(Path copyDir, List<String> schemas, Runnable midpoint) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            boolean auto = c.getAutoCommit();
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                for (String drop : dropAllButJournal(c, schemas)) {
                    s.execute(drop);
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
                midpoint.run();
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
