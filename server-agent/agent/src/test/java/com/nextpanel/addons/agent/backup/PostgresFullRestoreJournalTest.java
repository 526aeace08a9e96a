package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;

/** The journal across full backups and restores on PostgreSQL with pg_dump and psql. */
@ExtendWith(PostgresExtension.class)
class PostgresFullRestoreJournalTest extends FullRestoreJournalContract {

    private static PostgresCluster cluster;

    @BeforeAll
    static void cluster(PostgresCluster c) {
        cluster = c;
    }

    @Override
    DatabaseConfig database(Path root) {
        PostgresDatabase db = cluster.createDatabase("journal");
        return new DatabaseConfig(db.jdbcUrl(), db.user(), db.password());
    }

    /** The agent's pg_dump before the journal was left out: the whole database. */
    @Override
    String dumpWithJournal(Path dir) throws Exception {
        String pgDump;
        try (Connection c = fx.db.connection()) {
            pgDump = PgTools.usable("pg_dump", c).orElseThrow();
        }
        PgTools.run(List.of(pgDump, "--no-password", "--file=" + dir.resolve(DatabaseDumps.FILE).toAbsolutePath()),
                fx.db.config(), "pg_dump");
        return BackupManifest.PG_DUMP;
    }
}
