package com.nextpanel.addons.agent.isolation;

import com.nextpanel.addons.agent.db.Dialect;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import javax.sql.DataSource;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.postgresql.ds.PGSimpleDataSource;

/** The isolation guarantees on PostgreSQL 15: a fresh database of the run's throwaway cluster per test. */
class PostgresAddonDatabasesTest extends AddonDatabasesContract {

    private PostgresDatabase database;

    @RegisterExtension
    final BeforeEachCallback freshDatabase = this::freshDatabase;

    // Runs before the contract's @BeforeEach, which creates the core tables in it.
    private void freshDatabase(ExtensionContext context) {
        database = PostgresExtension.freshDatabase(context);
    }

    @Override
    DataSource admin() {
        PGSimpleDataSource admin = new PGSimpleDataSource();
        admin.setURL(database.jdbcUrl());
        admin.setUser(database.user());
        admin.setPassword(database.password());
        return admin;
    }

    @Override
    String jdbcUrl() {
        return database.jdbcUrl();
    }

    @Override
    Dialect dialect() {
        return Dialect.POSTGRESQL;
    }
}
