package com.nextpanel.addons.agent.isolation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** H2 2.x: a database user per addon owning its schema; rights granted per table. */
final class H2IsolationSql implements IsolationSql {

    @Override
    public String roleName(Connection admin, String addonId) {
        return "addon_" + addonId;
    }

    @Override
    public boolean roleExists(Connection admin, String role) throws SQLException {
        return IsolationSql.anyRow(admin, "SELECT 1 FROM INFORMATION_SCHEMA.USERS WHERE USER_NAME = ?", role);
    }

    @Override
    public void create(Connection admin, String role, String schema, String password) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("CREATE USER " + role + " PASSWORD '" + password + "'");
            s.execute("CREATE SCHEMA " + schema + " AUTHORIZATION " + role);
        }
    }

    @Override
    public void grant(Connection admin, String role, String schema, String table, TableGrant grant)
            throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("GRANT " + String.join(", ", grant.privileges()) + " ON " + schema + "." + table + " TO " + role);
        }
    }

    /**
     * H2 has no {@code REFERENCES} privilege: a foreign key needs the schema-owner right on the referenced table,
     * which only {@code ALTER ANY SCHEMA} (or owning {@code billing}) gives.
     */
    @Override
    public void grantForeignKeyRights(Connection admin, String role) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("GRANT ALTER ANY SCHEMA TO " + role);
        }
    }

    @Override
    public void revokeForeignKeyRights(Connection admin, String role) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("REVOKE ALTER ANY SCHEMA FROM " + role);
        }
    }

    @Override
    public boolean foreignKeysNeedRights() {
        return true;
    }

    @Override
    public void revokeOutside(Connection admin, String role, String ownSchema) throws SQLException {
        revokeForeignKeyRights(admin, role); // left by a process that died during a migration
        List<String> tables = new ArrayList<>();
        try (PreparedStatement s = admin.prepareStatement("SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.RIGHTS"
                + " WHERE GRANTEE = ? AND TABLE_NAME IS NOT NULL AND TABLE_SCHEMA <> ?")) {
            s.setString(1, role);
            s.setString(2, ownSchema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.add(rs.getString(1) + "." + rs.getString(2));
                }
            }
        }
        try (Statement s = admin.createStatement()) {
            for (String table : tables) {
                s.execute("REVOKE ALL ON " + table + " FROM " + role);
            }
        }
    }

    @Override
    public void setPassword(Connection admin, String role, String password) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("ALTER USER " + role + " SET PASSWORD '" + password + "'");
        }
    }

    @Override
    public void drop(Connection admin, String role, String schema) throws SQLException {
        try (Statement s = admin.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            // Dropping the user removes the rights granted to it.
            s.execute("DROP USER IF EXISTS " + role);
        }
    }

    @Override
    public boolean transactionalDdl() {
        return false;
    }
}
