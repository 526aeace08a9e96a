package com.nextpanel.addons.agent.isolation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.agent.AgentException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ForeignKeyScanTest {

    @TempDir
    Path dir;

    private static final List<TableGrant> READ_CUSTOMERS = List.of(TableGrant.parse("billing.customers:read"));

    @Test
    void findsForeignKeysOutsideTheAddonsSchemaButNotInCommentsStringsOrItsOwnSchema() throws Exception {
        Files.writeString(dir.resolve("V1__points.sql"), """
                -- REFERENCES billing.secrets (id) is only a comment
                /* and so is REFERENCES billing.other(id) */
                CREATE TABLE points (id INT PRIMARY KEY, note VARCHAR(50) DEFAULT 'REFERENCES billing.fake(id)',
                    customer_id BIGINT REFERENCES billing.customers (id),
                    parent INT REFERENCES addon_loyalty.points(id));
                CREATE TABLE more (c BIGINT, FOREIGN KEY (c) REFERENCES "billing"."Invoices"(id));
                """);
        Files.writeString(dir.resolve("V2__plain.sql"), "CREATE TABLE plain (id INT PRIMARY KEY);");

        assertThat(ForeignKeyScan.outside(dir, "addon_loyalty")).containsExactly(
                new ForeignKeyScan.Reference("V1__points.sql", "billing", "customers"),
                new ForeignKeyScan.Reference("V1__points.sql", "billing", "Invoices"));
        assertThat(ForeignKeyScan.outside(dir.resolve("missing"), "addon_loyalty")).isEmpty();
    }

    @Test
    void aMigrationThatMayRunWithH2sSchemaOwnerRightCreatesOrAltersOnlyTheAddonsOwnTables() throws Exception {
        Path ok = Files.writeString(dir.resolve("V1__ok.sql"), "CREATE TABLE points (id INT PRIMARY KEY, c BIGINT,"
                + " FOREIGN KEY (c) REFERENCES billing.customers(id));\nCREATE INDEX points_c ON points (c);\n"
                + "ALTER TABLE addon_loyalty.points ADD COLUMN note VARCHAR(10);");
        ForeignKeyScan.checkElevatable("loyalty", ok, "addon_loyalty", READ_CUSTOMERS);

        for (String extra : List.of("DROP TABLE billing.invoices", "SET SCHEMA billing",
                "INSERT INTO points VALUES (1, 1, 'x')", "CREATE INDEX i ON billing.customers (name)",
                "CREATE TABLE t (c BIGINT REFERENCES billing.invoices (id))")) {
            Path file = Files.writeString(dir.resolve("V2__bad.sql"), "CREATE TABLE p2 (c BIGINT REFERENCES"
                    + " billing.customers (id));\n" + extra + ";");
            assertThatThrownBy(() -> ForeignKeyScan.checkElevatable("loyalty", file, "addon_loyalty", READ_CUSTOMERS))
                    .as(extra).isInstanceOf(AgentException.class)
                    .hasMessageContaining("migrations/V2__bad.sql").hasMessageContaining("statement 2");
        }
    }
}
