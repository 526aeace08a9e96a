package com.nextpanel.addons.agent.isolation;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import javax.sql.DataSource;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Gives the addon's role what its database needs to create a permitted foreign key to a core table, around exactly the
 * migrations that declare one, and takes it back after each (also when it fails). On PostgreSQL nothing: the grant of
 * a permission includes {@code REFERENCES}. H2 has no such privilege (a foreign key needs ownership of the referenced
 * table's schema), so there the role holds {@code ALTER ANY SCHEMA} for the duration of that migration only, whose
 * statements {@link ForeignKeyScan#checkElevatable} has limited to creating and altering the addon's own tables.
 */
final class ForeignKeyRights implements Callback {

    private final DataSource admin;
    private final IsolationSql sql;
    private final String role;
    private final Set<String> files;

    /** @param files the migrations' file names that declare a foreign key outside the addon's schema */
    ForeignKeyRights(DataSource admin, IsolationSql sql, String role, Set<String> files) {
        this.admin = admin;
        this.sql = sql;
        this.role = role;
        this.files = Set.copyOf(files);
    }

    @Override
    public boolean supports(Event event, Context context) {
        return (event == Event.BEFORE_EACH_MIGRATE || event == Event.AFTER_EACH_MIGRATE
                || event == Event.AFTER_EACH_MIGRATE_ERROR)
                && context.getMigrationInfo() != null && files.contains(context.getMigrationInfo().getScript());
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true; // it works on the administrator's own connection, not the migration's
    }

    @Override
    public void handle(Event event, Context context) {
        try (Connection c = admin.getConnection()) {
            if (event == Event.BEFORE_EACH_MIGRATE) {
                sql.grantForeignKeyRights(c, role);
            } else {
                sql.revokeForeignKeyRights(c, role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot " + (event == Event.BEFORE_EACH_MIGRATE ? "grant" : "revoke")
                    + " the foreign key rights of " + role + ": " + e.getMessage(), e);
        }
    }

    /** Takes the rights back whatever happened (a failure between two callbacks). */
    void revoke() throws SQLException {
        try (Connection c = admin.getConnection()) {
            sql.revokeForeignKeyRights(c, role);
        }
    }

    @Override
    public String getCallbackName() {
        return "foreign-key-rights";
    }
}
