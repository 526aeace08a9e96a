package com.nextpanel.addons.agent.isolation;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * The two databases the agent runs on. Stand-in until the platform's {@code .db} package offers its own type;
 * detected from the connection so callers need not say it.
 */
public enum Dialect {
    H2, POSTGRESQL;

    /**
     * @return the dialect of the database {@code connection} talks to
     * @throws IllegalArgumentException for any other database
     */
    public static Dialect of(Connection connection) throws SQLException {
        String product = connection.getMetaData().getDatabaseProductName();
        if ("H2".equalsIgnoreCase(product)) {
            return H2;
        }
        if ("PostgreSQL".equalsIgnoreCase(product)) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported database: " + product + " (H2 or PostgreSQL only)");
    }
}
