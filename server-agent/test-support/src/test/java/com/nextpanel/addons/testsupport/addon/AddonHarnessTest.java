package com.nextpanel.addons.testsupport.addon;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HttpMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

@ParameterizedClass(name = "on {0}")
@EnumSource(HarnessBackend.class)
class AddonHarnessTest {

    private static final Path PROBE = Path.of("src/test/resources/harness-addon");

    @Parameter
    HarnessBackend backend;

    private AddonHarness probe;

    @BeforeEach
    void startProbe() {
        probe = AddonHarness.start(backend, AddonSource.packageDir(PROBE));
    }

    @AfterEach
    void closeProbe() {
        probe.close();
    }

    @Test
    void appliesMigrationsInNumericVersionOrderSplittingOnlyRealSemicolons() {
        assertThat(probe.appliedMigrations()).containsExactly("1", "2", "10");
        assertThat(probe.get("/api/v1/probe/notes").list())
                .containsExactly(Map.of("id", 1L, "text", "seeded", "tag", "it's; ten"));
    }

    @Test
    void createsTheAddonsTablesInItsOwnSchema() throws SQLException {
        try (Connection c = probe.adminDataSource().getConnection();
             ResultSet tables = c.getMetaData().getTables(null, backend == HarnessBackend.H2 ? "ADDON_HARNESS_PROBE"
                     : "addon_harness_probe", backend == HarnessBackend.H2 ? "NOTES" : "notes", null)) {
            assertThat(tables.next()).isTrue();
        }
    }

    @Test
    void routesAnswerByMethodAndPathWithParametersAndQuery() {
        assertThat(probe.post("/api/v1/probe/notes", Map.of("text", "hello")).status()).isEqualTo(201);
        assertThat(probe.get("/api/v1/probe/notes").list()).extracting(row -> row.get("text"))
                .containsExactly("seeded", "hello");
        assertThat(probe.get("/api/v1/probe/notes/a%20b?q=x+y").object()).isEqualTo(Map.of("id", "a b", "q", "x+y"));
        assertThat(probe.get("/api/v1/probe/notes/export").object()).isEqualTo(Map.of("export", true));
        assertThat(probe.routes()).contains("GET /api/v1/probe/notes/{id}", "POST /api/v1/probe/notes");
    }

    @Test
    void answersNotFoundMethodNotAllowedAndBadRequestLikeTheHostAndRethrowsWhatWouldBe500() {
        assertThat(probe.get("/api/v1/probe/nothing").status()).isEqualTo(404);
        assertThat(probe.delete("/api/v1/probe/notes").status()).isEqualTo(405);
        HarnessReply malformed = probe.call(HttpMethod.POST, "/api/v1/probe/notes", "{not json");
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.object().get("message").toString()).contains("offset 1");
        assertThatThrownBy(() -> probe.post("/api/v1/probe/notes", Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("text is required");
    }

    @Test
    void theAddonRoleReadsCoreTablesItsPermissionGrantsButCannotWriteThem() {
        probe.insertCustomer("Ada", "ada@example.com");
        assertThat(probe.get("/api/v1/probe/customers").list()).containsExactly(Map.of("name", "Ada"));
        assertThatThrownBy(() -> probe.post("/api/v1/probe/customers", Map.of()))
                .hasRootCauseInstanceOf(SQLException.class);
    }

    @Test
    void routesCannotBeAddedAfterStart() {
        assertThatThrownBy(() -> ProbeAddon.lastRegistry.get("/api/v1/probe/late", r -> AddonResponse.noContent()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("only during start");
    }

    @Test
    void aRouteOutsideTheDeclaredPrefixesFailsTheStart() {
        assertThatThrownBy(() -> AddonHarness.start(backend, AddonSource.packageDir(PROBE), Map.of("badRoute", "yes")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/api/v1/elsewhere lies outside the declared prefixes [/api/v1/probe]");
    }

    @Test
    void anUpdateAppliesOnlyTheNewMigrationsOverTheSameData(@TempDir Path next) throws Exception {
        Files.createDirectories(next.resolve("migrations"));
        Files.writeString(next.resolve("addon.json"), Files.readString(PROBE.resolve("addon.json"))
                .replace("\"1.0.0\"", "\"1.1.0\""));
        Files.writeString(next.resolve("migrations/V11__count.sql"),
                "UPDATE notes SET tag = 'updated' WHERE text = 'seeded'");
        probe.post("/api/v1/probe/notes", Map.of("text", "kept"));

        probe.update(AddonSource.of(next.resolve("addon.json"), PROBE.resolve("migrations"), next.resolve("migrations")));

        assertThat(probe.appliedMigrations()).containsExactly("1", "2", "10", "11");
        List<Map<String, Object>> notes = probe.get("/api/v1/probe/notes").list();
        assertThat(notes).extracting(row -> row.get("text")).containsExactly("seeded", "kept");
        assertThat(notes.get(0)).containsEntry("tag", "updated");
    }

    @Test
    void aFailingMigrationNamesItsFile(@TempDir Path broken) throws Exception {
        Files.createDirectories(broken.resolve("migrations"));
        Files.copy(PROBE.resolve("addon.json"), broken.resolve("addon.json"));
        Files.writeString(broken.resolve("migrations/V1__bad.sql"), "CREATE TABLE (");
        assertThatThrownBy(() -> AddonHarness.start(backend, AddonSource.packageDir(broken)))
                .hasMessageContaining("migration V1__bad.sql of harness_probe failed");
    }

    @Test
    void anAddonReachesTheRoutesOfTheAddonsItRequiresAndNoOthers() {
        Path dependent = Path.of("src/test/resources/harness-dependent");
        probe.install(AddonSource.packageDir(dependent));

        HarnessReply relayed = probe.get("/api/v1/dependent/relay?to=/api/v1/probe/notes");
        assertThat(relayed.list()).extracting(row -> row.get("text")).containsExactly("seeded");
        assertThatThrownBy(() -> probe.get("/api/v1/dependent/relay?to=/api/v1/dependent/relay"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("harness_dependent requires no started addon with a route prefix for /api/v1/dependent/relay");
        assertThat(probe.appliedMigrations("harness_dependent")).isEmpty();
    }

    @Test
    void anAddonWhoseRequirementIsNotStartedDoesNotStart() {
        Path dependent = Path.of("src/test/resources/harness-dependent");
        assertThatThrownBy(() -> AddonHarness.start(backend, AddonSource.packageDir(dependent)))
                .hasMessage("harness_dependent requires harness_probe, which is not started");
    }

    @Test
    void consoleViewsAreCheckedAsTheConsoleReadsThemNamingAMissingField() {
        assertThatThrownBy(probe::checkConsoleViews).isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("harness_probe console view 'Broken' (GET /api/v1/probe/notes): a row has no field 'colour'");
    }
}
