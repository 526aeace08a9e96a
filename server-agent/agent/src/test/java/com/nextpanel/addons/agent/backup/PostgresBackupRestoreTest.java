package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Backups and restore on PostgreSQL (pg_dump and psql): a fresh database of the run's cluster for every test. */
@ExtendWith(PostgresExtension.class)
class PostgresBackupRestoreTest extends BackupRestoreContract {

    private static PostgresCluster cluster;

    @BeforeAll
    static void cluster(PostgresCluster c) {
        cluster = c;
    }

    @Override
    DatabaseConfig database(Path root) {
        PostgresDatabase db = cluster.createDatabase("backup");
        return new DatabaseConfig(db.jdbcUrl(), db.user(), db.password());
    }

    @Override
    String expectedMethod() {
        return "pg_dump (plain SQL)";
    }
}
