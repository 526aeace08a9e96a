package com.nextpanel.addons.agent.backup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * Backups and restore on PostgreSQL without {@code pg_dump}: the setting points {@code pg_dump} at a path that does
 * not exist, so every backup (full, addon, pre-update) goes through JDBC {@code COPY} with DDL generated from the
 * catalog, and says {@code jdbc-copy} in its manifest. The whole contract holds: a round trip gives the canonical
 * dump taken at backup time, a changed byte is refused, a backup taken under writes is one point in time.
 */
class PostgresJdbcCopyBackupRestoreTest extends PostgresBackupRestoreTest {

    @BeforeAll
    static void withoutPgDump() {
        System.setProperty(PgTools.PG_DUMP_PROPERTY, "/nonexistent/pg_dump");
    }

    @AfterAll
    static void pgDumpAgain() {
        System.clearProperty(PgTools.PG_DUMP_PROPERTY);
    }

    @Override
    String expectedMethod() {
        return BackupManifest.JDBC_COPY;
    }

    @Override
    String dumpFile() {
        return DatabaseDumps.COPY_DIR + "/" + PgCopy.FILE;
    }
}
