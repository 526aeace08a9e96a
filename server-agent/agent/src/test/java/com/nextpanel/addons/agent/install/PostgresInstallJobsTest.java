package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The install contract on PostgreSQL: a fresh database of the run's throwaway cluster for every test. */
@ExtendWith(PostgresExtension.class)
class PostgresInstallJobsTest extends InstallJobsContract {

    private static PostgresCluster cluster;

    @BeforeAll
    static void cluster(PostgresCluster c) {
        cluster = c;
    }

    @Override
    DatabaseConfig database(Path root) {
        PostgresDatabase db = cluster.createDatabase("install");
        return new DatabaseConfig(db.jdbcUrl(), db.user(), db.password());
    }
}
