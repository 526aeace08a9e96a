package com.nextpanel.addons.agent.isolation;

import com.nextpanel.addons.agent.db.Dialect;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * The statements that create, grant, revoke and drop an addon's schema and role, per database. Names reaching here
 * are checked ({@code [a-z][a-z0-9_]*}, folded to the database's case), so they are written into SQL unquoted.
 */
interface IsolationSql {

    static IsolationSql of(Dialect dialect) {
        return dialect == Dialect.H2 ? new H2IsolationSql() : new PostgresIsolationSql();
    }

    /** @return the role name for an addon in this database, in lower case (the caller folds it as the database does) */
    String roleName(Connection admin, String addonId) throws SQLException;

    boolean roleExists(Connection admin, String role) throws SQLException;

    /** Creates the login role with {@code password} and the schema it owns. */
    void create(Connection admin, String role, String schema, String password) throws SQLException;

    void grant(Connection admin, String role, String schema, String table, TableGrant grant) throws SQLException;

    /**
     * Lets the role create a foreign key to a table it was granted, for one migration. Nothing where the grant of a
     * permission already includes {@code REFERENCES}.
     */
    default void grantForeignKeyRights(Connection admin, String role) throws SQLException {
    }

    /** Takes back what {@link #grantForeignKeyRights} gave. Idempotent. */
    default void revokeForeignKeyRights(Connection admin, String role) throws SQLException {
    }

    /** @return whether creating a foreign key to a granted table needs {@link #grantForeignKeyRights} */
    default boolean foreignKeysNeedRights() {
        return false;
    }

    /** Revokes whatever the role holds outside its own schema. */
    void revokeOutside(Connection admin, String role, String ownSchema) throws SQLException;

    void setPassword(Connection admin, String role, String password) throws SQLException;

    /** Drops the schema with everything in it, every privilege of the role, and the role. Idempotent. */
    void drop(Connection admin, String role, String schema) throws SQLException;

    /** @return whether DDL runs inside transactions, so a half-done change can be rolled back */
    boolean transactionalDdl();

    /** @return whether {@code sql}, with its one parameter bound to {@code value}, finds a row */
    static boolean anyRow(Connection c, String sql, String value) throws SQLException {
        try (java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, value);
            try (java.sql.ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }
}
