package com.nextpanel.addons.agent.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobState;
import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.agent.jobs.StepView;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A PostgreSQL database holding one of each kind of object a migration or an administrator may create — enum, domain
 * and composite types, functions (plpgsql, SQL, SQL-standard body) and procedures, triggers (one disabled), views
 * with options, comments, column collations, identity and generated columns, check, unique and exclusion
 * constraints, expression and partial indexes, extended statistics, partitioned tables two levels deep, grants on
 * schemas, tables, columns, sequences and functions, default privileges — in an addon's schema (made by its migration,
 * as its role) and in {@code billing}. Backed up through JDBC {@code COPY} and through {@code pg_dump}, changed and
 * dropped, restored: the canonical dump (which sees all of these kinds) equals the one at backup time either way, so
 * the two methods agree. What JDBC {@code COPY} cannot reproduce is refused before anything is written.
 */
@ExtendWith(PostgresExtension.class)
class PostgresCatalogObjectsBackupTest {

    private static final String MISSING_PG_DUMP = "/nonexistent/pg_dump";
    private static PostgresCluster cluster;

    @TempDir
    Path root;
    BackupFixture fx;
    String role;

    @BeforeAll
    static void cluster(PostgresCluster c) {
        cluster = c;
    }

    @BeforeEach
    void startAgentWithEveryKindOfObject() throws Exception {
        PostgresDatabase db = cluster.createDatabase("kinds");
        fx = new BackupFixture(root, new DatabaseConfig(db.jdbcUrl(), db.user(), db.password()));
        fx.publish(TestAddonBuilder.addon("kinds").version("1.0.0").permission("billing.customers:read")
                .migration("V1__every_kind.sql", """
                        CREATE TYPE mood AS ENUM ('happy', 'sad');
                        CREATE DOMAIN email AS text COLLATE "C" CHECK (VALUE LIKE '%@%');
                        CREATE TYPE pair AS (a int, b text COLLATE "C");
                        CREATE TABLE item (
                            id BIGINT GENERATED ALWAYS AS IDENTITY (START WITH 10 INCREMENT BY 3) PRIMARY KEY,
                            label TEXT COLLATE "C" NOT NULL,
                            contact email,
                            feeling mood DEFAULT 'happy',
                            customer_id BIGINT REFERENCES billing.customers (id),
                            during tsrange,
                            price NUMERIC(10, 2) CONSTRAINT item_price_positive CHECK (price >= 0),
                            doubled NUMERIC(12, 2) GENERATED ALWAYS AS (price * 2) STORED,
                            CONSTRAINT item_label_unique UNIQUE (label),
                            CONSTRAINT item_no_overlap EXCLUDE USING gist (during WITH &&)
                        ) WITH (fillfactor = 80);
                        CREATE INDEX item_lower_label ON item (lower(label)) WHERE price > 0;
                        CREATE SEQUENCE ticket START WITH 1000 INCREMENT BY 7 CACHE 2;
                        CREATE TABLE measurement (at DATE NOT NULL, value INT, kind TEXT NOT NULL)
                            PARTITION BY LIST (kind);
                        CREATE TABLE measurement_a PARTITION OF measurement FOR VALUES IN ('a');
                        CREATE TABLE measurement_rest PARTITION OF measurement DEFAULT PARTITION BY RANGE (at);
                        CREATE TABLE measurement_rest_2026 PARTITION OF measurement_rest
                            FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
                        CREATE TABLE measurement_rest_other PARTITION OF measurement_rest DEFAULT;
                        ALTER TABLE measurement ADD CONSTRAINT measurement_pk PRIMARY KEY (kind, at);
                        CREATE INDEX measurement_value ON measurement (value);
                        CREATE FUNCTION touch() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            NEW.label := trim(NEW.label);
                            RETURN NEW;
                        END $$;
                        CREATE TRIGGER item_touch BEFORE INSERT OR UPDATE ON item FOR EACH ROW EXECUTE FUNCTION touch();
                        CREATE TRIGGER item_off BEFORE DELETE ON item FOR EACH ROW EXECUTE FUNCTION touch();
                        ALTER TABLE item DISABLE TRIGGER item_off;
                        CREATE FUNCTION twice(p pair) RETURNS int LANGUAGE sql IMMUTABLE AS $$ SELECT p.a * 2 $$;
                        CREATE PROCEDURE add_item(p_label text) LANGUAGE sql AS $$
                            INSERT INTO item (label) VALUES (p_label) $$;
                        CREATE VIEW cheap_items WITH (security_barrier) AS SELECT id, label, price FROM item
                            WHERE price < 10 WITH LOCAL CHECK OPTION;
                        CREATE STATISTICS item_stats (dependencies) ON label, price FROM item;
                        COMMENT ON TABLE item IS 'things';
                        COMMENT ON COLUMN item.label IS 'what it is called';
                        COMMENT ON FUNCTION touch() IS 'trims labels';
                        COMMENT ON PROCEDURE add_item(text) IS 'adds one';
                        COMMENT ON TYPE mood IS 'how it feels';
                        COMMENT ON DOMAIN email IS 'an address';
                        COMMENT ON VIEW cheap_items IS 'under ten';
                        COMMENT ON CONSTRAINT item_label_unique ON item IS 'one each';
                        COMMENT ON TRIGGER item_touch ON item IS 'trims';
                        COMMENT ON INDEX item_lower_label IS 'case-free';
                        COMMENT ON SEQUENCE ticket IS 'numbers';
                        COMMENT ON STATISTICS item_stats IS 'correlated';
                        GRANT SELECT ON cheap_items TO PUBLIC;
                        GRANT USAGE ON SEQUENCE ticket TO PUBLIC;
                        REVOKE EXECUTE ON FUNCTION twice(pair) FROM PUBLIC;
                        REVOKE USAGE ON TYPE pair FROM PUBLIC;
                        ALTER DEFAULT PRIVILEGES IN SCHEMA addon_kinds GRANT SELECT ON TABLES TO PUBLIC;
                        INSERT INTO item (label, contact, feeling, during, price)
                            VALUES (' one ', 'a@b.c', 'sad', '[2026-01-01,2026-02-01)', 5.50),
                                   ('two', NULL, DEFAULT, '[2026-03-01,2026-04-01)', 20);
                        INSERT INTO measurement VALUES ('2026-05-01', 1, 'a'), ('2026-05-02', 2, 'b'),
                                                       ('2020-01-01', 3, 'c');
                        SELECT nextval('ticket');
                        """)
                .queryRoute("/api/v1/kinds/count", "SELECT COUNT(*) FROM item"));
        assertThat(fx.run(JobRequest.install("kinds", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        role = queryString("SELECT pg_get_userbyid(nspowner) FROM pg_namespace WHERE nspname = 'addon_kinds'");
        for (String sql : List.of(
                "CREATE TYPE billing.plan AS ENUM ('free', 'pro')",
                "CREATE DOMAIN billing.cents AS BIGINT DEFAULT 0 NOT NULL CONSTRAINT cents_positive CHECK (VALUE >= 0)",
                "CREATE TABLE billing.subscription (id INT GENERATED BY DEFAULT AS IDENTITY (START WITH 100"
                        + " INCREMENT BY 5) PRIMARY KEY, customer_id BIGINT NOT NULL REFERENCES billing.customers (id)"
                        + " ON DELETE CASCADE, plan billing.plan NOT NULL, fee billing.cents, note TEXT COLLATE \"C\","
                        + " CONSTRAINT subscription_unique UNIQUE NULLS NOT DISTINCT (customer_id, note))",
                "CREATE UNLOGGED TABLE billing.scratch (k TEXT PRIMARY KEY, v JSONB)",
                "CREATE TABLE billing.usage (day DATE NOT NULL, units INT NOT NULL CONSTRAINT usage_units"
                        + " CHECK (units > 0)) PARTITION BY RANGE (day)",
                "CREATE TABLE billing.usage_2026 PARTITION OF billing.usage FOR VALUES FROM ('2026-01-01')"
                        + " TO ('2027-01-01')",
                "CREATE TABLE billing.usage_old PARTITION OF billing.usage DEFAULT",
                "CREATE FUNCTION billing.customer_count() RETURNS bigint LANGUAGE sql STABLE"
                        + " BEGIN ATOMIC SELECT count(*) FROM billing.customers; END",
                "CREATE FUNCTION billing.lower_email() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                        + " NEW.email := lower(NEW.email); RETURN NEW; END $$",
                "CREATE TRIGGER customers_lower_email BEFORE INSERT ON billing.customers FOR EACH ROW"
                        + " EXECUTE FUNCTION billing.lower_email()",
                "CREATE VIEW billing.open_invoices AS SELECT i.id, c.name, i.amount_cents FROM billing.invoices i"
                        + " JOIN billing.customers c ON c.id = i.customer_id WHERE i.status = 'OPEN'",
                "CREATE PROCEDURE billing.void_all() LANGUAGE plpgsql AS $$ BEGIN"
                        + " UPDATE billing.invoices SET status = 'VOID'; END $$",
                "COMMENT ON SCHEMA billing IS 'the core'",
                "COMMENT ON TABLE billing.customers IS 'who pays'",
                "COMMENT ON COLUMN billing.invoices.amount_cents IS 'in cents'",
                "COMMENT ON FUNCTION billing.customer_count() IS 'how many'",
                "GRANT SELECT ON billing.open_invoices TO " + role,
                "GRANT UPDATE (name) ON billing.customers TO " + role,
                "GRANT SELECT, UPDATE ON billing.scratch TO " + role + " WITH GRANT OPTION",
                "REVOKE EXECUTE ON FUNCTION billing.customer_count() FROM PUBLIC",
                "GRANT EXECUTE ON FUNCTION billing.customer_count() TO " + role,
                "GRANT USAGE ON TYPE billing.plan TO " + role,
                "ALTER DEFAULT PRIVILEGES IN SCHEMA billing GRANT SELECT ON TABLES TO " + role,
                "ALTER DEFAULT PRIVILEGES IN SCHEMA billing REVOKE EXECUTE ON FUNCTIONS FROM PUBLIC",
                "INSERT INTO billing.customers (name, email) VALUES ('Ada', 'ADA@example.com')",
                "INSERT INTO billing.subscription (customer_id, plan, fee, note) SELECT id, 'pro', 1200, 'x'"
                        + " FROM billing.customers",
                "INSERT INTO billing.usage VALUES ('2026-02-03', 4), ('2019-01-01', 9)",
                "INSERT INTO billing.scratch VALUES ('a', '{\"b\": 1}')")) {
            fx.execute(sql);
        }
    }

    @AfterEach
    void stopAgent() throws Exception {
        System.clearProperty(PgTools.PG_DUMP_PROPERTY);
        fx.close();
    }

    @Test
    void aFullBackupThroughJdbcCopyAndOneThroughPgDumpEachRestoreEveryKindOfObjectAfterChangesAndDrops()
            throws Exception {
        Canonical atBackup = canonical();
        assertThat(atBackup.dump().catalog().kinds().get("functions")).as("the canonical dump sees functions")
                .anyMatch(l -> l.contains("customer_count")).anyMatch(l -> l.contains("touch"));
        assertThat(atBackup.dump().catalog().kinds().get("triggers")).anyMatch(l -> l.contains("item_off | D"));
        assertThat(atBackup.dump().catalog().kinds().get("comments")).anyMatch(l -> l.contains("who pays"));
        assertThat(atBackup.dump().catalog().kinds().get("partitions")).anyMatch(l -> l.contains("measurement_rest_2026"));
        assertThat(atBackup.dump().catalog().kinds().get("grants")).anyMatch(l -> l.startsWith("default | ") && l.contains(role));

        System.setProperty(PgTools.PG_DUMP_PROPERTY, MISSING_PG_DUMP);
        String copyBackup = backupFull("jdbc-copy");
        System.clearProperty(PgTools.PG_DUMP_PROPERTY);
        String pgDumpBackup = backupFull("pg_dump");

        changeAndDropEverything();
        assertThat(canonical()).isNotEqualTo(atBackup);
        restore(copyBackup);
        assertThat(differences(atBackup, canonical())).as("after the jdbc-copy restore").isEmpty();
        assertThat(fx.get("/api/v1/kinds/count").getContent()).contains("\"value\":\"2\"");

        changeAndDropEverything();
        restore(pgDumpBackup);
        assertThat(differences(atBackup, canonical())).as("after the pg_dump restore").isEmpty();
    }

    @Test
    void anAddonBackupThroughJdbcCopyRestoresEveryKindOfObjectInTheAddonsSchema() throws Exception {
        System.setProperty(PgTools.PG_DUMP_PROPERTY, MISSING_PG_DUMP);
        Canonical atBackup = canonical();
        JobView backup = fx.run(new JobRequest(JobAction.BACKUP, "kinds", Optional.empty(), true));
        assertThat(backup.state()).as("%s", backup).isEqualTo(JobState.SUCCEEDED);
        String backupId = fx.jobs.backupStore().list().get(0).backupId();
        assertThat(fx.jobs.backupStore().list().get(0).method()).isEqualTo("jdbc-copy");

        for (String sql : List.of("DROP FUNCTION addon_kinds.touch() CASCADE", "DROP VIEW addon_kinds.cheap_items",
                "DROP TABLE addon_kinds.measurement_rest", "DROP TYPE addon_kinds.pair CASCADE",
                "COMMENT ON TABLE addon_kinds.item IS 'changed'", "ALTER TYPE addon_kinds.mood ADD VALUE 'calm'",
                "DELETE FROM addon_kinds.item", "SELECT setval('addon_kinds.ticket', 5)",
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + role + " IN SCHEMA addon_kinds REVOKE SELECT ON TABLES"
                        + " FROM PUBLIC", "DROP STATISTICS addon_kinds.item_stats")) {
            fx.execute(sql);
        }
        assertThat(canonical()).isNotEqualTo(atBackup);

        restore(backupId);

        assertThat(differences(atBackup, canonical())).isEmpty();
    }

    @Test
    void aJdbcCopyBackupOfWhatItCannotReproduceIsRefusedAtSubmitNamingTheObjectsAndNothingIsJournaled()
            throws Exception {
        System.setProperty(PgTools.PG_DUMP_PROPERTY, MISSING_PG_DUMP);
        String earlier = backupFull(BackupManifest.JDBC_COPY);
        fx.execute("CREATE MATERIALIZED VIEW addon_kinds.item_totals AS SELECT count(*) AS n FROM addon_kinds.item");
        fx.execute("CREATE RULE no_delete AS ON DELETE TO billing.scratch DO INSTEAD NOTHING");
        fx.execute("CREATE COLLATION addon_kinds.bytewise FROM \"C\"");
        List<JobView> jobsBefore = fx.jobs.jobs().recent(100);

        assertThatThrownBy(() -> fx.jobs.jobs().submit(new JobRequest(JobAction.BACKUP, "", Optional.empty(), true)))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("backup cannot be taken", "cannot copy",
                            "materialized view addon_kinds.item_totals", "rule no_delete on billing.scratch",
                            "pg_dump");
                });
        assertThatThrownBy(() -> fx.jobs.jobs().submit(new JobRequest(JobAction.BACKUP, "kinds", Optional.empty(),
                true))).isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("materialized view addon_kinds.item_totals",
                            "collation addon_kinds.bytewise").doesNotContain("no_delete");
                });
        // a restore first takes a full safety backup, which could not be taken either
        assertThatThrownBy(() -> fx.jobs.jobs().submit(new JobRequest(JobAction.RESTORE, earlier, Optional.empty(),
                false))).isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("safety backup before the restore cannot be taken",
                            "materialized view addon_kinds.item_totals");
                });

        assertThat(fx.jobs.jobs().recent(100)).as("no job was accepted").isEqualTo(jobsBefore);
        assertThat(fx.jobs.backupStore().list()).extracting(BackupSummary::backupId).containsExactly(earlier);
    }

    private void changeAndDropEverything() throws Exception {
        assertThat(fx.run(JobRequest.uninstall("kinds")).state()).isEqualTo(JobState.SUCCEEDED);
        for (String sql : List.of("DROP TRIGGER customers_lower_email ON billing.customers",
                "DROP VIEW billing.open_invoices", "DROP FUNCTION billing.customer_count()",
                "DROP PROCEDURE billing.void_all()", "COMMENT ON TABLE billing.customers IS 'changed'",
                "COMMENT ON SCHEMA billing IS NULL", "DROP TABLE billing.usage_old",
                "INSERT INTO billing.usage VALUES ('2026-06-01', 1)", "ALTER TYPE billing.plan ADD VALUE 'team'",
                "ALTER DOMAIN billing.cents DROP CONSTRAINT cents_positive",
                "ALTER TABLE billing.subscription ALTER COLUMN note SET DATA TYPE TEXT COLLATE \"POSIX\"",
                "REVOKE ALL ON billing.scratch FROM PUBLIC", "GRANT DELETE ON billing.invoices TO PUBLIC",
                "ALTER DEFAULT PRIVILEGES IN SCHEMA billing GRANT EXECUTE ON FUNCTIONS TO PUBLIC",
                "INSERT INTO billing.customers (name, email) VALUES ('Bob', 'bob@example.com')",
                "CREATE TABLE billing.extra (id INT)")) {
            fx.execute(sql);
        }
    }

    private String backupFull(String method) throws Exception {
        JobView backup = fx.run(new JobRequest(JobAction.BACKUP, "", Optional.empty(), true));
        assertThat(backup.state()).as("%s", backup).isEqualTo(JobState.SUCCEEDED);
        BackupSummary newest = fx.jobs.backupStore().list().stream()
                .max(java.util.Comparator.comparing(BackupSummary::createdAt)).orElseThrow();
        assertThat(newest.method()).isEqualTo(method);
        return newest.backupId();
    }

    private void restore(String backupId) throws Exception {
        JobView restored = fx.run(new JobRequest(JobAction.RESTORE, backupId, Optional.empty(), false));
        assertThat(restored.state()).as("%s", restored).isEqualTo(JobState.SUCCEEDED);
    }

    /** The fixture's canonical dump and every sequence's position (which the rows do not show). */
    private record Canonical(BackupFixture.Dump dump, List<String> sequences) {
    }

    private Canonical canonical() throws Exception {
        List<String> sequences = new ArrayList<>();
        try (Connection c = fx.db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT schemaname || '.' || sequencename || ' ' || COALESCE(last_value::text, 'unused')"
                        + " FROM pg_sequences WHERE NOT (schemaname = 'agent' AND sequencename LIKE 'job%')"
                        + " ORDER BY 1")) {
            while (rs.next()) {
                sequences.add(rs.getString(1));
            }
        }
        return new Canonical(fx.dump(), sequences);
    }

    /**
     * @return what differs, but for a CHECK with an IN list, which PostgreSQL deparses with its casts elsewhere once
     *         replayed (the same constraint; see {@link PostgresBackupRestoreTest#significant}), and for the time
     *         an addon restore rewrote the addon's registry row
     */
    private static List<String> differences(Canonical expected, Canonical actual) {
        List<String> out = new PostgresBackupRestoreTest().significant(
                expected.dump().catalog().differences(actual.dump().catalog()));
        if (!rows(expected).equals(rows(actual))) {
            out = new ArrayList<>(out);
            out.add("rows: " + rows(expected) + " became " + rows(actual));
        }
        if (!expected.sequences().equals(actual.sequences())) {
            out = new ArrayList<>(out);
            out.add("sequences: " + expected.sequences() + " became " + actual.sequences());
        }
        return out;
    }

    private static java.util.Map<String, List<String>> rows(Canonical canonical) {
        java.util.Map<String, List<String>> rows = new java.util.TreeMap<>(canonical.dump().rows());
        rows.computeIfPresent("\"agent\".\"addons\"", (table, list) -> list.stream()
                .map(r -> r.replaceAll("updated_at=[^|]*\\|", "")).toList());
        return rows;
    }

    private String queryString(String sql) throws Exception {
        try (Connection c = fx.db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
