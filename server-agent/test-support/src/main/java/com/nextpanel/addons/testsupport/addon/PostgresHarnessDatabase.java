package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A harness database in a throwaway PostgreSQL cluster: one cluster and one database per test JVM, started on
 * first use and stopped when the JVM ends. Each harness starts from a clean slate: the {@code billing} and
 * {@code addon_*} schemas are dropped when it opens and when it closes (far cheaper than a database per test).
 * Harnesses on PostgreSQL must therefore not run in parallel within one JVM. Roles are the cluster's: created
 * once, reused.
 */
final class PostgresHarnessDatabase extends HarnessDatabase {

    private static PostgresDatabase shared;

    private final PostgresDatabase database;
    private final DataSource admin;

    PostgresHarnessDatabase() {
        database = sharedDatabase();
        admin = dataSource(database, database.user(), database.password(), null);
        dropSchemas();
        createCore();
    }

    private static synchronized PostgresDatabase sharedDatabase() {
        if (shared == null) {
            shared = PostgresCluster.start().createDatabase("addon_harness");
        }
        return shared;
    }

    @Override
    DataSource admin() {
        return admin;
    }

    @Override
    protected void createRoleAndSchema(String role, String password) {
        execute(admin, "DO $$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '" + role + "') THEN"
                        + " CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'; END IF; END $$",
                "CREATE SCHEMA IF NOT EXISTS " + role + " AUTHORIZATION " + role);
    }

    @Override
    protected void grantCoreSchemaUsage(String role) {
        execute(admin, "GRANT USAGE ON SCHEMA billing TO " + role);
    }

    @Override
    protected DataSource connectAs(String role, String password) {
        return dataSource(database, role, password, role);
    }

    private static DataSource dataSource(PostgresDatabase database, String user, String password, String schema) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(database.jdbcUrl());
        dataSource.setUser(user);
        dataSource.setPassword(password);
        if (schema != null) {
            dataSource.setCurrentSchema(schema);
        }
        return dataSource;
    }

    private void dropSchemas() {
        List<String> drops = new ArrayList<>();
        try (Connection c = admin.getConnection(); Statement s = c.createStatement();
             ResultSet schemas = s.executeQuery("SELECT schema_name FROM information_schema.schemata"
                     + " WHERE schema_name = 'billing' OR schema_name LIKE 'addon\\_%'")) {
            while (schemas.next()) {
                drops.add("DROP SCHEMA " + schemas.getString(1) + " CASCADE");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list the harness schemas: " + e.getMessage(), e);
        }
        execute(admin, drops.toArray(String[]::new));
    }

    @Override
    public void close() {
        dropSchemas();
    }
}
