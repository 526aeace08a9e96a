package com.nextpanel.addons.agent.backup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The journal across full backups and restores on PostgreSQL without pg_dump: JDBC COPY. */
class PostgresJdbcCopyFullRestoreJournalTest extends PostgresFullRestoreJournalTest {

    @BeforeAll
    static void withoutPgDump() {
        System.setProperty(PgTools.PG_DUMP_PROPERTY, "/nonexistent/pg_dump");
    }

    @AfterAll
    static void pgDumpAgain() {
        System.clearProperty(PgTools.PG_DUMP_PROPERTY);
    }

    /** The agent's JDBC COPY dump before the journal was left out: every user schema. */
    @Override
    String dumpWithJournal(Path dir) throws Exception {
        try (Connection c = fx.db.connection()) {
            PgCopy.dump(c, Optional.empty(), Files.createDirectories(dir.resolve(DatabaseDumps.COPY_DIR)));
        }
        return BackupManifest.JDBC_COPY;
    }
}
