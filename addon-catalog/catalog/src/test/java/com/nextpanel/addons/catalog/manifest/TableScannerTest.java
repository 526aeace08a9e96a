package com.nextpanel.addons.catalog.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableScannerTest {

    @Test
    void findsCreatedTablesInOrderEachOnce() {
        String sql = """
                CREATE TABLE sessions (id BIGINT PRIMARY KEY);
                create table if not exists Messages (id BIGINT, session_id BIGINT REFERENCES sessions(id));
                CREATE TABLE addon_chat.attachments (id BIGINT);
                CREATE TABLE "MixedCase" (id INT);
                CREATE TABLE IF NOT EXISTS sessions (id BIGINT PRIMARY KEY);
                CREATE INDEX idx_messages ON messages(session_id);
                """;

        assertThat(TableScanner.createdTables(sql)).containsExactly("sessions", "messages", "attachments", "MixedCase");
    }

    @Test
    void ignoresTablesMentionedOnlyInComments() {
        String sql = """
                -- CREATE TABLE old_sessions (id INT);
                /* CREATE TABLE
                   drafts (id INT); */
                ALTER TABLE sessions ADD COLUMN topic VARCHAR(100);
                """;

        assertThat(TableScanner.createdTables(sql)).isEmpty();
    }

    @Test
    void collectsAcrossScripts() {
        assertThat(TableScanner.createdTables(List.of("CREATE TABLE a (x INT);", "CREATE\n  TABLE\tb (x INT);")))
                .containsExactly("a", "b");
    }
}
