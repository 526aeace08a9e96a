package com.nextpanel.addons.agent.install;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.isolation.DatabaseCatalogSnapshot;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobState;
import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.agent.jobs.StepState;
import com.nextpanel.addons.agent.jobs.StepView;
import com.nextpanel.addons.agent.registry.AddonState;
import com.nextpanel.addons.agent.registry.InstalledAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Install, update, uninstall, disable and enable through the real job engine, addon host, per-addon schemas and a
 * real signed catalog; failures injected with real test addons. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class InstallJobsContract {

    @TempDir
    Path root;
    InstallFixture fx;

    abstract DatabaseConfig database(Path root) throws Exception;

    @BeforeEach
    void startAgent() throws Exception {
        fx = new InstallFixture(root, database(root));
    }

    @AfterEach
    void stopAgent() throws Exception {
        fx.close();
    }

    /** Everything a failed job must leave as it found it. */
    record World(DatabaseCatalogSnapshot catalog, List<String> files, List<InstalledAddon> registry, String export) {
    }

    World world() throws Exception {
        return new World(fx.catalogSnapshot(), fx.addonFiles(), fx.jobs.installed().list(), fx.registryExport());
    }

    void assertSameWorld(World before) throws Exception {
        World after = world();
        assertThat(before.catalog().differences(after.catalog())).isEmpty();
        assertThat(after.files()).isEqualTo(before.files());
        assertThat(after.registry()).isEqualTo(before.registry());
        assertThat(after.export()).isEqualTo(before.export());
    }

    static TestAddonBuilder greeter(String version) {
        return TestAddonBuilder.addon("greeter").version(version)
                .migration("V1__init.sql", "CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(50));\n"
                        + "INSERT INTO greeting (id, text) VALUES (1, 'hello');")
                .queryRoute("/api/v1/greeter/count", "SELECT COUNT(*) FROM greeting");
    }

    JobView install(String id) throws Exception {
        return fx.run(JobRequest.install(id, Optional.empty()));
    }

    private static List<String> names(List<StepView> steps) {
        return steps.stream().map(StepView::name).toList();
    }

    @Test
    void installAddsRoutesTablesAndARegistryRowAndUninstallLeavesNothingBehind() throws Exception {
        fx.publish(greeter("1.0.0"));
        World before = world();

        JobView installed = install("greeter");

        assertThat(installed.state()).as("%s", installed).isEqualTo(JobState.SUCCEEDED);
        assertThat(names(installed.steps())).containsExactly("resolve", "download", "stage", "migrate", "activate",
                "commit");
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"1\"");
        assertThat(fx.query("SELECT COUNT(*) FROM addon_greeter.greeting")).containsExactly("1");
        assertThat(fx.jobs.installed().find("greeter")).map(InstalledAddon::state).contains(AddonState.ENABLED);
        assertThat(fx.registryExport()).contains("\"greeter\"").contains("\"1.0.0\"");
        assertThat(Files.isDirectory(fx.dirs.staged("greeter", "1.0.0").resolve("lib"))).isTrue();

        JobView uninstalled = fx.run(JobRequest.uninstall("greeter"));

        assertThat(uninstalled.state()).as("%s", uninstalled).isEqualTo(JobState.SUCCEEDED);
        assertThat(names(uninstalled.steps())).containsExactly("resolve", "deactivate", "commit", "drop", "delete");
        assertThat(fx.get("/api/v1/greeter/count").getStatus()).isEqualTo(404);
        assertSameWorld(before);
    }

    @Test
    void dependenciesAreInstalledFirstAndADependencyCannotBeUninstalledWhileAnAddonNeedsIt() throws Exception {
        fx.publish(TestAddonBuilder.addon("hub").version("1.2.0").jsonRoute(
                com.nextpanel.addons.spi.HttpMethod.GET, "/api/v1/hub/ping", 200, "{\"hub\":true}"));
        fx.publish(TestAddonBuilder.addon("sms").version("1.0.0").requires("hub", "^1.0.0").jsonRoute(
                com.nextpanel.addons.spi.HttpMethod.GET, "/api/v1/sms/ping", 200, "{\"sms\":true}"));

        JobView job = install("sms");

        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.steps()).filteredOn(s -> s.name().equals("activate")).extracting(StepView::message)
                .satisfiesExactly(m -> assertThat(m).contains("hub"), m -> assertThat(m).contains("sms"));
        assertThat(fx.jobs.installed().list()).extracting(InstalledAddon::id).containsExactly("hub", "sms");
        assertThat(fx.get("/api/v1/hub/ping").getStatus()).isEqualTo(200);

        assertThatThrownBy(() -> fx.jobs.jobs().submit(JobRequest.uninstall("hub")))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("sms");
                });
        assertThatThrownBy(() -> fx.jobs.plans().plan(new PlanRequest(JobAction.UNINSTALL, "hub", Optional.empty())))
                .isInstanceOf(AgentException.class).hasMessageContaining("sms");

        PlanView plan = fx.jobs.plans().plan(new PlanRequest(JobAction.UNINSTALL, "sms", Optional.empty()));
        assertThat(plan.schemas()).containsExactly("addon_sms");
    }

    @Test
    void theRegistryStoresTheCatalogManifestAndStillReadsRowsStoredAsTheStagedAddonJson() throws Exception {
        fx.publish(TestAddonBuilder.addon("hub").version("1.0.0"));
        fx.publish(TestAddonBuilder.addon("sms").version("1.0.0").requires("hub", "^1.0.0")
                .permission("billing.customers:read"));
        assertThat(install("sms").state()).isEqualTo(JobState.SUCCEEDED);
        Path smsJson = fx.dirs.staged("sms", "1.0.0").resolve("addon.json");
        String canonical = com.nextpanel.addons.agent.registry.ManifestColumn.write(
                com.nextpanel.addons.catalog.manifest.ManifestReader.read(smsJson));
        assertThat(fx.query("SELECT manifest FROM agent.addons WHERE addon_id = 'sms'")).containsExactly(canonical);

        // a row as the agent wrote it before: the staged addon.json, verbatim
        try (var c = fx.db.connection();
             var ps = c.prepareStatement("UPDATE agent.addons SET manifest = ? WHERE addon_id = 'sms'")) {
            ps.setString(1, Files.readString(smsJson));
            assertThat(ps.executeUpdate()).isEqualTo(1);
        }

        assertThatThrownBy(() -> fx.jobs.plans().plan(new PlanRequest(JobAction.UNINSTALL, "hub", Optional.empty())))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.reasons()).singleElement()
                        .asString().contains("sms"));
        PlanView plan = fx.jobs.plans().plan(new PlanRequest(JobAction.UNINSTALL, "sms", Optional.empty()));
        assertThat(plan.permissions()).containsExactly("billing.customers:read");
        assertThat(plan.routes()).containsExactly("/api/v1/sms");
        fx.publish(TestAddonBuilder.addon("sms").version("1.1.0").requires("hub", "^1.0.0")
                .permission("billing.customers:read"));
        assertThat(fx.run(JobRequest.update("sms", Optional.empty(), false)).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.jobs.installed().find("sms")).map(InstalledAddon::version).contains("1.1.0");
        assertThat(fx.run(JobRequest.uninstall("sms")).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void anUpdateToAnOlderVersionIsRefusedWithTheResolversReasonAsAConflict() throws Exception {
        fx.publish(greeter("1.0.0"));
        fx.publish(greeter("1.1.0"));
        assertThat(fx.run(new JobRequest(JobAction.INSTALL, "greeter", Optional.of("1.1.0"), false)).state())
                .isEqualTo(JobState.SUCCEEDED);

        assertThatThrownBy(() -> fx.jobs.plans().plan(new PlanRequest(JobAction.UPDATE, "greeter",
                Optional.of("1.0.0")))).isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.reasons()).singleElement().asString().contains("1.1.0").contains("1.0.0");
                });
    }

    static TestAddonBuilder loyalty() {
        return TestAddonBuilder.addon("loyalty").version("1.0.0").migration("V1__points.sql",
                "CREATE TABLE points (id INT PRIMARY KEY, customer_id BIGINT NOT NULL,"
                        + " FOREIGN KEY (customer_id) REFERENCES billing.customers(id));")
                .queryRoute("/api/v1/loyalty/count", "SELECT COUNT(*) FROM points");
    }

    @Test
    void anAddonWhoseMigrationReferencesACoreTableItMayReadInstallsAndUninstallsCleanly() throws Exception {
        fx.publish(loyalty().permission("billing.customers:read"));
        World before = world();

        JobView installed = install("loyalty");

        assertThat(installed.state()).as("%s", installed).isEqualTo(JobState.SUCCEEDED);
        fx.execute("INSERT INTO billing.customers (name, email) VALUES ('Ada', 'ada@example.com')");
        fx.execute("INSERT INTO addon_loyalty.points (id, customer_id) SELECT 1, id FROM billing.customers");
        assertThat(fx.get("/api/v1/loyalty/count").getContent()).contains("\"value\":\"1\"");
        assertThatThrownBy(() -> fx.execute("INSERT INTO addon_loyalty.points (id, customer_id) VALUES (2, -1)"))
                .isInstanceOf(java.sql.SQLException.class);

        assertThat(fx.run(JobRequest.uninstall("loyalty")).state()).isEqualTo(JobState.SUCCEEDED);
        fx.execute("DELETE FROM billing.customers");
        assertSameWorld(before);
    }

    @Test
    void anAddonWhoseMigrationReferencesACoreTableWithoutPermissionIsRefusedAndChangesNothing() throws Exception {
        fx.publish(loyalty());
        World before = world();

        JobView job = install("loyalty");

        assertThat(job.state()).isIn(JobState.FAILED, JobState.ROLLED_BACK);
        assertThat(job.steps()).filteredOn(s -> s.name().equals("migrate")).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(StepState.FAILED))
                .satisfies(s -> assertThat(s.message()).contains("V1__points.sql").contains("billing.customers")
                        .contains("billing.customers:read"));
        assertSameWorld(before);
    }

    @Test
    void aPlanNamesTheAddonsDependenciesFirstWithRoutesAndSchemas() throws Exception {
        fx.publish(TestAddonBuilder.addon("hub").version("1.0.0"));
        fx.publish(TestAddonBuilder.addon("sms").version("1.0.0").requires("hub", "^1.0.0")
                .permission("billing.customers:read"));

        PlanView plan = fx.jobs.plans().plan(new PlanRequest(JobAction.INSTALL, "sms", Optional.empty()));

        assertThat(plan.addons()).extracting(PlannedAddon::id, PlannedAddon::dependency)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("hub", true),
                        org.assertj.core.groups.Tuple.tuple("sms", false));
        assertThat(plan.routes()).containsExactly("/api/v1/hub", "/api/v1/sms");
        assertThat(plan.schemas()).containsExactly("addon_hub", "addon_sms");
        assertThat(plan.permissions()).containsExactly("billing.customers:read");
        assertThat(fx.jobs.installed().list()).isEmpty();
    }

    @Test
    void aMissingDependencyFailsAtResolveNamingEveryReasonAndThePlanAnswersConflict() throws Exception {
        fx.publish(TestAddonBuilder.addon("lonely").version("1.0.0").requires("ghost", "^1.0.0")
                .requires("phantom", "^2.0.0"));
        World before = world();

        assertThatThrownBy(() -> fx.jobs.plans().plan(new PlanRequest(JobAction.INSTALL, "lonely", Optional.empty())))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.reasons()).hasSize(2);
                    assertThat(e.getMessage()).contains("ghost").contains("phantom");
                });
        JobView job = install("lonely");

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.steps()).singleElement().satisfies(s -> assertThat(s.message()).contains("ghost")
                .contains("phantom"));
        assertSameWorld(before);
    }

    @Test
    void anUnknownAddonIsNotFoundAtSubmitAndNothingIsQueued() {
        assertThatThrownBy(() -> fx.jobs.jobs().submit(JobRequest.install("nosuch", Optional.empty())))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
        assertThat(fx.jobs.jobs().recent(5)).isEmpty();
    }

    @Test
    void aMigrationWithAnSqlErrorRollsBackAndLeavesEverythingAsBefore() throws Exception {
        fx.publish(TestAddonBuilder.addon("broken").version("1.0.0")
                .migration("V1__ok.sql", "CREATE TABLE fine (id INT PRIMARY KEY);")
                .migration("V2__bad.sql", "CREATE TABLE oops (id INT PRIMARY KEY,);"));
        World before = world();

        JobView job = install("broken");

        assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
        assertThat(job.steps()).filteredOn(s -> s.name().equals("migrate")).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(StepState.FAILED))
                .satisfies(s -> assertThat(s.message()).contains("V2"));
        assertThat(names(job.rollback())).containsExactly("migrate", "stage");
        assertSameWorld(before);
    }

    @Test
    void anEntrypointThatThrowsOnStartRollsBack() throws Exception {
        fx.publish(greeter("1.0.0").throwsOnStart("no licence key"));
        World before = world();

        JobView job = install("greeter");

        assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
        assertThat(job.steps()).filteredOn(s -> s.name().equals("activate")).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("no licence key"));
        assertThat(names(job.rollback())).containsExactly("activate", "migrate", "stage");
        assertThat(fx.get("/api/v1/greeter/count").getStatus()).isEqualTo(404);
        assertSameWorld(before);
    }

    @Test
    void anAddonWhoseStartHangsFailsItsInstallWhenTheStartTimeoutEndsAndRollsBack() throws Exception {
        fx.publish(greeter("1.0.0").sleepsOnStart(java.time.Duration.ofMinutes(10)));
        World before = world();

        JobView job = install("greeter");

        assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
        assertThat(job.steps()).filteredOn(s -> s.name().equals("activate")).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("did not start within 5 s"));
        assertThat(names(job.rollback())).containsExactly("activate", "migrate", "stage");
        assertThat(fx.get("/api/v1/greeter/count").getStatus()).isEqualTo(404);
        assertSameWorld(before);
    }

    @Test
    void aFailingHealthCheckRollsBack() throws Exception {
        fx.publish(greeter("1.0.0").unhealthy("upstream model unreachable"));
        World before = world();

        JobView job = install("greeter");

        assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
        assertThat(job.steps()).filteredOn(s -> s.name().equals("activate")).singleElement()
                .satisfies(s -> assertThat(s.message()).contains("upstream model unreachable"));
        assertThat(fx.get("/api/v1/greeter/count").getStatus()).isEqualTo(404);
        assertSameWorld(before);
    }

    @Test
    void aRoutePrefixAlreadyTakenFailsAtResolveAndChangesNothing() throws Exception {
        fx.publish(TestAddonBuilder.addon("first").version("1.0.0").routePrefix("/api/v1/shared")
                .jsonRoute(com.nextpanel.addons.spi.HttpMethod.GET, "/api/v1/shared/x", 200, "{}"));
        fx.publish(TestAddonBuilder.addon("second").version("1.0.0").routePrefix("/api/v1/shared/deeper"));
        assertThat(install("first").state()).isEqualTo(JobState.SUCCEEDED);
        World before = world();

        JobView job = fx.run(new JobRequest(JobAction.INSTALL, "second", Optional.empty(), false));

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.steps()).singleElement().satisfies(s -> assertThat(s.message()).contains("/api/v1/shared")
                .contains("first"));
        assertThat(fx.get("/api/v1/shared/x").getStatus()).isEqualTo(200);
        assertSameWorld(before);
    }

    @Test
    void aPackageWhoseHashDoesNotMatchTheCatalogFailsAndChangesNothing() throws Exception {
        fx.publish(greeter("1.0.0"));
        Path pkg = fx.catalogDir.resolve("packages/greeter-1.0.0.zip");
        byte[] bytes = Files.readAllBytes(pkg);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(pkg, bytes);
        World before = world();

        JobView job = install("greeter");

        assertThat(job.state()).isEqualTo(JobState.FAILED);
        assertThat(job.steps()).filteredOn(s -> s.name().equals("download")).singleElement()
                .satisfies(s -> assertThat(s.state()).isEqualTo(StepState.FAILED))
                .satisfies(s -> assertThat(s.message()).containsIgnoringCase("greeter-1.0.0.zip"));
        assertThat(job.rollback()).isEmpty();
        assertSameWorld(before);
    }

    @Test
    void anUpdateRunsTheNewMigrationsOnTheExistingSchemaAndKeepsEveryRow() throws Exception {
        fx.publish(greeter("1.0.0"));
        assertThat(install("greeter").state()).isEqualTo(JobState.SUCCEEDED);
        fx.execute("INSERT INTO addon_greeter.greeting (id, text) VALUES (2, 'hallo'), (3, 'bonjour')");
        fx.publish(greeter("1.1.0").migration("V2__mood.sql",
                "ALTER TABLE greeting ADD COLUMN mood VARCHAR(20) DEFAULT 'happy' NOT NULL;"));

        JobView job = fx.run(JobRequest.update("greeter", Optional.empty(), true));

        assertThat(job.state()).as("%s", job).isEqualTo(JobState.SUCCEEDED);
        assertThat(names(job.steps())).containsExactly("resolve", "download", "stage", "backup", "migrate",
                "activate", "commit", "cleanup", "retention");
        assertThat(fx.query("SELECT text || ':' || mood FROM addon_greeter.greeting ORDER BY id"))
                .containsExactly("hello:happy", "hallo:happy", "bonjour:happy");
        assertThat(fx.jobs.backups()).as("the pre-update backup is listed like any other").singleElement()
                .satisfies(b -> {
                    assertThat(b.scope()).isEqualTo("pre-update");
                    assertThat(b.addonId()).isEqualTo("greeter");
                    assertThat(b.versions()).containsEntry("addon:greeter", "1.0.0").containsKeys("agent", "core");
                    assertThat(Files.isDirectory(fx.dirs.backups().resolve(b.backupId()))).isTrue();
                });
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"3\"");
        assertThat(fx.jobs.installed().find("greeter")).map(InstalledAddon::version).contains("1.1.0");
        assertThat(Files.exists(fx.dirs.staged("greeter", "1.0.0"))).isFalse();
        assertThat(Files.exists(fx.dirs.staged("greeter", "1.1.0"))).isTrue();
    }

    @Test
    void anUpdateWhoseMigrationFailsRestoresTheBackupAndTheOldVersionServesEveryRow() throws Exception {
        fx.publish(greeter("1.0.0"));
        assertThat(install("greeter").state()).isEqualTo(JobState.SUCCEEDED);
        fx.execute("INSERT INTO addon_greeter.greeting (id, text) VALUES (2, 'hallo')");
        fx.publish(greeter("1.1.0")
                .migration("V2__half.sql", "ALTER TABLE greeting ADD COLUMN mood VARCHAR(20);")
                .migration("V3__bad.sql", "UPDATE greeting SET nonexistent = 1;"));
        World before = world();

        JobView job = fx.run(JobRequest.update("greeter", Optional.empty(), true));

        assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
        assertThat(names(job.rollback())).containsExactly("migrate", "backup", "stage");
        assertThat(fx.query("SELECT text FROM addon_greeter.greeting ORDER BY id")).containsExactly("hello", "hallo");
        assertThat(fx.jobs.backups()).as("the pre-update backup went with the rollback").isEmpty();
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"2\"");
        assertSameWorld(before);
    }

    @Test
    void anUpdateWhoseNewCodeFailsToStartPutsTheOldVersionBack() throws Exception {
        fx.publish(greeter("1.0.0"));
        assertThat(install("greeter").state()).isEqualTo(JobState.SUCCEEDED);
        fx.publish(greeter("1.1.0").migration("V2__mood.sql", "ALTER TABLE greeting ADD COLUMN mood VARCHAR(20);")
                .throwsOnStart("1.1.0 is broken"));
        World before = world();

        JobView job = fx.run(JobRequest.update("greeter", Optional.empty(), true));

        assertThat(job.state()).isEqualTo(JobState.ROLLED_BACK);
        assertThat(names(job.rollback())).containsExactly("activate", "migrate", "backup", "stage");
        assertThat(fx.get("/api/v1/greeter/count").getStatus()).isEqualTo(200);
        assertThat(fx.jobs.installed().find("greeter")).map(InstalledAddon::version).contains("1.0.0");
        assertSameWorld(before);
    }

    @Test
    void disableTakesRoutesOutAndKeepsRowsEnableBringsThemBackAndBothSurviveARestart() throws Exception {
        fx.publish(greeter("1.0.0"));
        assertThat(install("greeter").state()).isEqualTo(JobState.SUCCEEDED);

        assertThat(fx.run(JobRequest.disable("greeter")).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.get("/api/v1/greeter/count").getStatus()).isEqualTo(404);
        assertThat(fx.query("SELECT COUNT(*) FROM addon_greeter.greeting")).containsExactly("1");
        fx.restart();
        assertThat(fx.jobs.installed().find("greeter")).map(InstalledAddon::state).contains(AddonState.DISABLED);
        assertThat(fx.get("/api/v1/greeter/count").getStatus()).isEqualTo(404);

        assertThat(fx.run(JobRequest.enable("greeter")).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"1\"");
        fx.restart();
        assertThat(fx.jobs.installed().find("greeter")).map(InstalledAddon::state).contains(AddonState.ENABLED);
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"1\"");
    }

    @Test
    void disablingAnAddonThatAnEnabledAddonNeedsIsRefused() throws Exception {
        fx.publish(TestAddonBuilder.addon("hub").version("1.0.0"));
        fx.publish(TestAddonBuilder.addon("sms").version("1.0.0").requires("hub", "^1.0.0"));
        assertThat(install("sms").state()).isEqualTo(JobState.SUCCEEDED);

        assertThatThrownBy(() -> fx.jobs.jobs().submit(JobRequest.disable("hub")))
                .isInstanceOfSatisfying(AgentException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT))
                .hasMessageContaining("sms");
        assertThat(fx.run(JobRequest.disable("sms")).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.run(JobRequest.disable("hub")).state()).isEqualTo(JobState.SUCCEEDED);
        assertThatThrownBy(() -> fx.jobs.jobs().submit(JobRequest.uninstall("hub")))
                .isInstanceOf(AgentException.class).hasMessageContaining("sms");
    }

    @Test
    void aRestartBringsBackTheSameAddonsAndOneWithBrokenFilesIsMarkedFailedWhileTheRestServe() throws Exception {
        fx.publish(greeter("1.0.0"));
        fx.publish(TestAddonBuilder.addon("other").version("1.0.0").jsonRoute(
                com.nextpanel.addons.spi.HttpMethod.GET, "/api/v1/other/ping", 200, "{\"ok\":true}"));
        assertThat(install("greeter").state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(install("other").state()).isEqualTo(JobState.SUCCEEDED);

        fx.restart();
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"1\"");
        assertThat(fx.get("/api/v1/other/ping").getStatus()).isEqualTo(200);

        fx.stop();
        DiskOps.deleteTree(fx.dirs.staged("other", "1.0.0").resolve("lib"));
        fx.start();
        assertThat(fx.jobs.installed().find("other")).map(InstalledAddon::state).contains(AddonState.FAILED);
        assertThat(fx.jobs.loaded().failed()).containsKey("other");
        assertThat(fx.get("/api/v1/other/ping").getStatus()).isEqualTo(404);
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"1\"");
        assertThat(fx.registryExport()).contains("FAILED");
    }

    @Test
    void updatingTheAiChatbotSampleFrom100To110KeepsEverySessionAndMessageAndBackfillsTheNewColumns()
            throws Exception {
        Path work = Files.createDirectories(root.resolve("samples"));
        fx.publishZip(SamplePackages.aiChatbot("1.0.0", work));
        JobView installed = fx.run(JobRequest.install("ai_chatbot", Optional.of("1.0.0")));
        assertThat(installed.state()).as("%s", installed).isEqualTo(JobState.SUCCEEDED);
        for (int i = 1; i <= 3; i++) {
            assertThat(fx.send("POST", "/api/v1/chat/sessions", "{\"title\":\"session " + i + "\"}").getStatus())
                    .isEqualTo(201);
        }
        assertThat(fx.send("POST", "/api/v1/chat/sessions/1/messages", "{\"text\":\"hello\"}").getStatus())
                .isEqualTo(201);
        assertThat(fx.send("POST", "/api/v1/chat/sessions/1/messages", "{\"text\":\"price?\"}").getStatus())
                .isEqualTo(201);
        List<String> messagesBefore = fx.query("SELECT session_id || ':' || sender || ':' || text"
                + " FROM addon_ai_chatbot.chat_messages ORDER BY id");
        assertThat(messagesBefore).hasSize(4);
        fx.publishZip(SamplePackages.aiChatbot("1.1.0", work));

        JobView updated = fx.run(JobRequest.update("ai_chatbot", Optional.empty(), true));

        assertThat(updated.state()).as("%s", updated).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.jobs.installed().find("ai_chatbot")).map(InstalledAddon::version).contains("1.1.0");
        assertThat(fx.query("SELECT title FROM addon_ai_chatbot.chat_sessions ORDER BY id"))
                .containsExactly("session 1", "session 2", "session 3");
        assertThat(fx.query("SELECT session_id || ':' || sender || ':' || text FROM addon_ai_chatbot.chat_messages"
                + " ORDER BY id")).isEqualTo(messagesBefore);
        assertThat(fx.query("SELECT message_count FROM addon_ai_chatbot.chat_sessions ORDER BY id"))
                .containsExactly("4", "0", "0");
        assertThat(fx.get("/api/v1/chat/sessions").getContent()).contains("session 1").contains("messageCount");
    }

    @Test
    void anAddonBackupRestoredLaterBringsBackItsRowsAndItKeepsServing() throws Exception {
        fx.publish(greeter("1.0.0"));
        assertThat(install("greeter").state()).isEqualTo(JobState.SUCCEEDED);
        fx.execute("INSERT INTO addon_greeter.greeting (id, text) VALUES (2, 'kept')");

        JobView backup = fx.run(new JobRequest(JobAction.BACKUP, "greeter", Optional.empty(), true));

        assertThat(backup.state()).as("%s", backup).isEqualTo(JobState.SUCCEEDED);
        var views = fx.jobs.backups();
        assertThat(views).singleElement().satisfies(v -> {
            assertThat(v.addonId()).isEqualTo("greeter");
            assertThat(v.scope()).isEqualTo("addon");
            assertThat(v.versions()).containsEntry("addon:greeter", "1.0.0");
            assertThat(v.files()).extracting(f -> f.path()).contains("files/addons/greeter/1.0.0/addon.json")
                    .anyMatch(p -> p.startsWith("schema/"));
        });
        fx.execute("DELETE FROM addon_greeter.greeting WHERE id = 1");
        fx.execute("INSERT INTO addon_greeter.greeting (id, text) VALUES (3, 'after the backup')");

        JobView restore = fx.run(new JobRequest(JobAction.RESTORE, views.get(0).backupId(), Optional.empty(),
                false));

        assertThat(restore.state()).as("%s", restore).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.query("SELECT text FROM addon_greeter.greeting ORDER BY id")).containsExactly("hello", "kept");
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"2\"");
        assertThat(fx.jobs.backups()).hasSize(1);
    }

    @Test
    void aBackupWithOneByteChangedIsRefusedOnRestoreAndNothingChanges() throws Exception {
        fx.publish(greeter("1.0.0"));
        assertThat(install("greeter").state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.run(new JobRequest(JobAction.BACKUP, "greeter", Optional.empty(), true)).state())
                .isEqualTo(JobState.SUCCEEDED);
        String backupId = fx.jobs.backups().get(0).backupId();
        Path dump = fx.dirs.backups().resolve(backupId).resolve("files/addons/greeter/1.0.0/addon.json");
        byte[] bytes = Files.readAllBytes(dump);
        bytes[bytes.length / 2] ^= 0x01;
        Files.write(dump, bytes);
        World before = world();

        assertThatThrownBy(() -> fx.jobs.jobs().submit(new JobRequest(JobAction.RESTORE, backupId, Optional.empty(),
                false))).isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("addon.json").contains("SHA-256");
                });
        assertSameWorld(before);
    }
}
