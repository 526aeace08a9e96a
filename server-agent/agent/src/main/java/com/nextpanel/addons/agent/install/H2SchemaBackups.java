package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.db.H2Script;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Per-addon schema backups on H2 through its own {@code SCRIPT ... SCHEMA} and {@code RUNSCRIPT}: a SQL script
 * that recreates the schema with every table, index, sequence and row; the user's rights on core tables, which a
 * schema's script leaves out, are captured beside it and put back ({@link RoleGrants}).
 */
public final class H2SchemaBackups implements SchemaBackups {

    static final String FILE = "schema.sql";

    private final DataSource dataSource;

    public H2SchemaBackups(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public String dump(String id, Path dir) throws SQLException, java.io.IOException {
        Path file = dir.resolve(FILE).toAbsolutePath();
        try (Connection c = dataSource.getConnection()) {
            H2Script.run(c, "SCRIPT NOPASSWORDS NOSETTINGS TO '" + file.toString().replace("'", "''") + "' SCHEMA "
                    + schema(c, id));
            RoleGrants.capture(c, true, schema(c, id), dir);
        }
        DiskOps.fsync(file);
        return "H2 SCRIPT, " + sizeOf(file) + " bytes";
    }

    @Override
    public String restore(String id, Path dir) throws SQLException, java.io.IOException {
        Path file = dir.resolve(FILE).toAbsolutePath();
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            boolean auto = c.getAutoCommit();
            s.execute("DROP SCHEMA IF EXISTS " + schema(c, id) + " CASCADE");
            s.execute("RUNSCRIPT FROM '" + file.toString().replace("'", "''") + "'");
            RoleGrants.restore(c, true, schema(c, id), dir);
            if (!auto) {
                c.commit();
            }
        }
        return "H2 RUNSCRIPT";
    }

    private static String schema(Connection c, String id) throws SQLException {
        String name = "addon_" + id;
        return c.getMetaData().storesUpperCaseIdentifiers() ? name.toUpperCase(java.util.Locale.ROOT) : name;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return -1;
        }
    }
}
