package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.db.FreshPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The journal across full backups and restores on PostgreSQL with pg_dump and psql. */
class PostgresFullRestoreJournalTest extends FullRestoreJournalContract {

    @RegisterExtension
    static final FreshPostgres POSTGRES = new FreshPostgres("journal");

    @Override
    DatabaseConfig database(Path root) {
        return POSTGRES.newDatabase();
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
