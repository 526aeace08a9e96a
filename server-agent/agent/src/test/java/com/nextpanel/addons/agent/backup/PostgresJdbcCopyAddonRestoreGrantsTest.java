package com.nextpanel.addons.agent.backup;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Addon restore over another installed version, on PostgreSQL without pg_dump (JDBC COPY). */
class PostgresJdbcCopyAddonRestoreGrantsTest extends PostgresAddonRestoreGrantsTest {

    @BeforeAll
    static void withoutPgDump() {
        System.setProperty(PgTools.PG_DUMP_PROPERTY, "/nonexistent/pg_dump");
    }

    @AfterAll
    static void pgDumpAgain() {
        System.clearProperty(PgTools.PG_DUMP_PROPERTY);
    }
}
