package com.nextpanel.addons.testsupport.addon;

import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** A harness database in H2's memory, dropped on close. */
final class H2HarnessDatabase extends HarnessDatabase {

    private final String url = "jdbc:h2:mem:addon-harness-" + UUID.randomUUID();
    // Kept open until close(); only the admin may set the delay (the addon role's URL may not).
    private final JdbcDataSource admin = dataSource(url + ";DB_CLOSE_DELAY=-1", "sa", "");

    H2HarnessDatabase() {
        createCore();
    }

    @Override
    DataSource admin() {
        return admin;
    }

    @Override
    protected void createRoleAndSchema(String role, String password) {
        execute(admin, "CREATE USER IF NOT EXISTS " + role + " PASSWORD '" + password + "'",
                "CREATE SCHEMA IF NOT EXISTS " + role + " AUTHORIZATION " + role);
    }

    @Override
    protected void grantCoreSchemaUsage(String role) {
        // H2 grants on tables only
    }

    @Override
    protected DataSource connectAs(String role, String password) {
        return dataSource(url + ";SCHEMA=" + role.toUpperCase(Locale.ROOT), role, password);
    }

    private static JdbcDataSource dataSource(String url, String user, String password) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL(url);
        dataSource.setUser(user);
        dataSource.setPassword(password);
        return dataSource;
    }

    @Override
    public void close() {
        execute(admin, "SHUTDOWN");
    }
}
