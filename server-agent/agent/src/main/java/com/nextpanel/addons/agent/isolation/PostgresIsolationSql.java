package com.nextpanel.addons.agent.isolation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * PostgreSQL 15: a login role per addon owning its schema; USAGE on each granted table's schema, the table
 * privileges with REFERENCES, and USAGE on the sequences behind the table's serial or identity columns for {@code :write}.
 * Roles are cluster-wide while schemas are per database, so the role name carries a short hash of the database
 * name: two databases of one cluster can hold the same addon without sharing a role.
 */
final class PostgresIsolationSql implements IsolationSql {

    @Override
    public String roleName(Connection admin, String addonId) throws SQLException {
        try (Statement s = admin.createStatement(); ResultSet rs = s.executeQuery("SELECT current_database()")) {
            rs.next();
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(rs.getString(1).getBytes(StandardCharsets.UTF_8));
            return "addon_" + addonId + "_" + HexFormat.of().formatHex(hash, 0, 3);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public boolean roleExists(Connection admin, String role) throws SQLException {
        return IsolationSql.anyRow(admin, "SELECT 1 FROM pg_roles WHERE rolname = ?", role);
    }

    @Override
    public void create(Connection admin, String role, String schema, String password) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE ROLE " + role + " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOINHERIT PASSWORD '"
                    + password + "'");
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
        }
    }

    @Override
    public void grant(Connection admin, String role, String schema, String table, TableGrant grant)
            throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("GRANT USAGE ON SCHEMA " + schema + " TO " + role);
            // REFERENCES with every permission: a foreign key to a table the addon may read (TableGrant)
            s.execute("GRANT " + String.join(", ", grant.privileges()) + ", REFERENCES ON " + schema + "." + table
                    + " TO " + role);
            if (grant.write()) {
                for (String sequence : sequencesOf(admin, schema, table)) {
                    s.execute("GRANT USAGE, SELECT ON SEQUENCE " + sequence + " TO " + role);
                }
            }
        }
    }

    private static List<String> sequencesOf(Connection admin, String schema, String table) throws SQLException {
        List<String> sequences = new ArrayList<>();
        try (PreparedStatement s = admin.prepareStatement("SELECT pg_get_serial_sequence(quote_ident(table_schema) || '.'"
                + " || quote_ident(table_name), column_name) FROM information_schema.columns"
                + " WHERE table_schema = ? AND table_name = ?")) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(1) != null) {
                        sequences.add(rs.getString(1));
                    }
                }
            }
        }
        return sequences;
    }

    @Override
    public void revokeOutside(Connection admin, String role, String ownSchema) throws SQLException {
        List<String> schemas = new ArrayList<>();
        try (PreparedStatement s = admin.prepareStatement("SELECT nspname FROM pg_namespace WHERE nspname <> ?"
                + " AND nspname NOT LIKE 'pg\\_%' AND nspname <> 'information_schema'"
                + " AND has_schema_privilege(?, oid, 'USAGE')")) {
            s.setString(1, ownSchema);
            s.setString(2, role);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    schemas.add(rs.getString(1));
                }
            }
        }
        try (Statement s = admin.createStatement()) {
            for (String schema : schemas) {
                s.execute("REVOKE ALL ON ALL TABLES IN SCHEMA " + quote(schema) + " FROM " + role);
                s.execute("REVOKE ALL ON ALL SEQUENCES IN SCHEMA " + quote(schema) + " FROM " + role);
                s.execute("REVOKE USAGE ON SCHEMA " + quote(schema) + " FROM " + role);
            }
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    @Override
    public void setPassword(Connection admin, String role, String password) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("ALTER ROLE " + role + " PASSWORD '" + password + "'");
        }
    }

    @Override
    public void drop(Connection admin, String role, String schema) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            if (roleExists(admin, role)) {
                // Revokes every privilege granted to the role in this database and drops what it still owns.
                s.execute("DROP OWNED BY " + role + " CASCADE");
                s.execute("DROP ROLE " + role);
            }
        }
    }

    @Override
    public boolean transactionalDdl() {
        return true;
    }
}
