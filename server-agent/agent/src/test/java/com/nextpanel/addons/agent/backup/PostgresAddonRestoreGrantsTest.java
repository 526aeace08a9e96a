package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** Addon restore over another installed version, on PostgreSQL with pg_dump and psql. */
@ExtendWith(PostgresExtension.class)
class PostgresAddonRestoreGrantsTest extends AddonRestoreGrantsContract {

    private static PostgresCluster cluster;

    @BeforeAll
    static void cluster(PostgresCluster c) {
        cluster = c;
    }

    @Override
    DatabaseConfig database(Path root) {
        PostgresDatabase db = cluster.createDatabase("grants");
        return new DatabaseConfig(db.jdbcUrl(), db.user(), db.password());
    }
}
