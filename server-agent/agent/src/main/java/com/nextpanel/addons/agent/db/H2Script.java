package com.nextpanel.addons.agent.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * H2's {@code SCRIPT} as one consistent snapshot. Run as a plain statement (READ COMMITTED), H2 reads each table as
 * of the moment the script reaches it, so a transaction that writes two tables while the script runs can land in
 * the dump half applied (measured on H2 2.5.252: 4 of 150 dumps, taken while another connection kept adding a
 * ledger row and bumping a counter in one transaction, disagreed; 0 of 150 with this).
 */
public final class H2Script {

    /** H2's SNAPSHOT isolation ({@code org.h2.engine.Constants.TRANSACTION_SNAPSHOT}): all tables as of one moment. */
    private static final int SNAPSHOT = 6;

    private H2Script() {
    }

    /**
     * Runs {@code scriptStatement} (a {@code SCRIPT ... TO ...}) in a read transaction at SNAPSHOT isolation, then
     * gives the connection back as it was.
     */
    public static void run(Connection c, String scriptStatement) throws SQLException {
        int isolation = c.getTransactionIsolation();
        boolean autoCommit = c.getAutoCommit();
        c.setTransactionIsolation(SNAPSHOT);
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute(scriptStatement);
            c.commit();
        } finally {
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            c.setAutoCommit(autoCommit);
            c.setTransactionIsolation(isolation);
        }
    }
}
