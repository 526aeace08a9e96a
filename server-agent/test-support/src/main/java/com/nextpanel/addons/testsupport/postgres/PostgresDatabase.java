package com.nextpanel.addons.testsupport.postgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One database inside the throwaway cluster, reachable as the cluster's superuser (trust auth, so the
 * password is empty).
 *
 * @param name     the database name
 * @param jdbcUrl  {@code jdbc:postgresql://127.0.0.1:PORT/NAME}
 * @param user     the superuser
 * @param password always empty: the cluster trusts loopback connections
 */
public record PostgresDatabase(String name, String jdbcUrl, String user, String password) {

    /** @return a new connection as the superuser; the caller closes it */
    public Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, password);
    }
}
