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
import com.nextpanel.addons.agent.registry.InstalledAddon;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Full and addon backups and their restore, through the real job engine, addon host, per-addon schemas and a real
 * signed catalog. Run on H2 and on PostgreSQL by the subclasses.
 */
abstract class BackupRestoreContract {

    @TempDir
    Path root;
    BackupFixture fx;

    abstract DatabaseConfig database(Path root) throws Exception;

    abstract String expectedMethod();

    /** @return a file of the database dump, relative to the backup folder */
    String dumpFile() {
        return DatabaseDumps.FILE;
    }

    /** @return the catalog differences that matter; H2 renames the indexes it makes for constraints on its own */
    List<String> significant(List<String> differences) {
        return differences;
    }

    @BeforeEach
    void startAgent() throws Exception {
        fx = new BackupFixture(root, database(root));
        fx.publish(TestAddonBuilder.addon("greeter").version("1.0.0")
                .migration("V1__init.sql", "CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(50));\n"
                        + "INSERT INTO greeting (id, text) VALUES (1, 'hello');")
                .queryRoute("/api/v1/greeter/count", "SELECT COUNT(*) FROM greeting"));
        fx.publish(TestAddonBuilder.addon("hub").version("1.0.0")
                .jsonRoute(HttpMethod.GET, "/api/v1/hub/ping", 200, "{\"hub\":true}"));
    }

    @AfterEach
    void stopAgent() throws Exception {
        fx.close();
    }

    JobView backupFull() throws Exception {
        return fx.run(new JobRequest(JobAction.BACKUP, "", Optional.empty(), true));
    }

    private JobView restore(String backupId) throws Exception {
        return fx.run(new JobRequest(JobAction.RESTORE, backupId, Optional.empty(), false));
    }

    /** Restores while polling the job's status the whole time, as the console does: no poll may fail. */
    private JobView restoreWhilePolling(String backupId) throws Exception {
        String jobId = fx.jobs.jobs().submit(new JobRequest(JobAction.RESTORE, backupId, Optional.empty(), false))
                .jobId();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            JobView view = fx.jobs.jobs().find(jobId).orElseThrow(() -> new AssertionError("job " + jobId
                    + " vanished while it ran"));
            if (view.state() != JobState.QUEUED && view.state() != JobState.RUNNING) {
                return view;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("restore " + jobId + " did not end");
    }

    private static String message(JobView job, String step) {
        return job.steps().stream().filter(s -> s.name().equals(step)).map(StepView::message).findFirst()
                .orElseThrow();
    }

    String onlyBackupId() {
        List<BackupSummary> list = fx.jobs.backupStore().list();
        assertThat(list).hasSize(1);
        return list.get(0).backupId();
    }

    @Test
    void aFullBackupRestoredAfterInstallsUninstallsAndCoreChangesBringsBackTheSameDatabaseAndAddonFiles()
            throws Exception {
        assertThat(fx.run(JobRequest.install("greeter", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        fx.execute("INSERT INTO billing.customers (name, email) VALUES ('Ada', 'ada@example.com')");
        fx.execute("INSERT INTO addon_greeter.greeting (id, text) VALUES (2, 'bonjour')");
        BackupFixture.Dump dumpAtBackup = fx.dump();
        List<String> filesAtBackup = fx.addonsChecksum();
        List<InstalledAddon> registryAtBackup = fx.jobs.installed().list();

        JobView backup = backupFull();

        assertThat(backup.state()).as("%s", backup).isEqualTo(JobState.SUCCEEDED);
        String backupId = onlyBackupId();
        BackupManifest manifest = fx.jobs.backupStore().store().find(backupId).orElseThrow();
        assertThat(manifest.scope()).isEqualTo("full");
        assertThat(manifest.method()).isEqualTo(expectedMethod());
        assertThat(manifest.versions()).containsEntry("addon:greeter", "1.0.0").containsKeys("agent", "core");
        assertThat(manifest.files()).extracting(BackupManifest.FileEntry::path)
                .contains(dumpFile(), "files/addon_registry.json")
                .anyMatch(p -> p.startsWith("files/addons/greeter/1.0.0/"));
        assertThat(Files.list(fx.jobs.backupStore().store().root()).map(p -> p.getFileName().toString()))
                .as("no temporary directory is left").containsExactly(backupId);

        // change everything the backup captured
        assertThat(fx.run(JobRequest.install("hub", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.run(JobRequest.uninstall("greeter")).state()).isEqualTo(JobState.SUCCEEDED);
        fx.execute("UPDATE billing.customers SET name = 'Grace' WHERE email = 'ada@example.com'");
        fx.execute("INSERT INTO billing.customers (name, email) VALUES ('Linus', 'linus@example.com')");
        assertThat(fx.dump()).isNotEqualTo(dumpAtBackup);

        JobView restored = restoreWhilePolling(backupId);

        assertThat(restored.state()).as("%s", restored).isEqualTo(JobState.SUCCEEDED);
        assertThat(restored.steps()).extracting(StepView::name)
                .containsExactly("resolve", "safety", "deactivate", "restore", "activate", "commit", "cleanup");
        BackupFixture.Dump dumpAfter = fx.dump();
        assertThat(significant(dumpAtBackup.catalog().differences(dumpAfter.catalog()))).isEmpty();
        assertThat(dumpAfter.rows()).isEqualTo(dumpAtBackup.rows());
        assertThat(fx.addonsChecksum()).isEqualTo(filesAtBackup);
        assertThat(fx.jobs.installed().list()).isEqualTo(registryAtBackup);
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"2\"");
        assertThat(fx.get("/api/v1/hub/ping").getStatus()).isEqualTo(404);
        assertThat(fx.jobs.backupStore().list()).extracting(BackupSummary::backupId).containsExactly(backupId);
        assertThat(Files.list(fx.jobs.backupStore().store().root()).map(p -> p.getFileName().toString()))
                .as("the safety backup is gone").containsExactly(backupId);
        // the journal is kept: the restore job itself is there, and new jobs still run
        assertThat(fx.jobs.jobs().find(restored.jobId())).isPresent();
        assertThat(fx.run(JobRequest.install("hub", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
    }

    @Test
    void aBackupWithOneByteChangedIsRefusedOnRestoreNamingTheFileAndNothingChanges() throws Exception {
        assertThat(fx.run(JobRequest.install("greeter", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(backupFull().state()).isEqualTo(JobState.SUCCEEDED);
        String backupId = onlyBackupId();
        fx.execute("INSERT INTO addon_greeter.greeting (id, text) VALUES (3, 'hola')");
        Path dump = fx.jobs.backupStore().store().root().resolve(backupId).resolve(dumpFile());
        try (RandomAccessFile f = new RandomAccessFile(dump.toFile(), "rw")) {
            f.seek(f.length() / 2);
            int b = f.read();
            f.seek(f.length() / 2);
            f.write(b ^ 1);
        }
        BackupFixture.Dump before = fx.dump();
        List<String> filesBefore = fx.addonsChecksum();

        assertThatThrownBy(() -> fx.jobs.jobs().submit(new JobRequest(JobAction.RESTORE, backupId, Optional.empty(),
                false))).isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains(dumpFile()).contains("SHA-256").contains(backupId);
                });

        BackupFixture.Dump after = fx.dump();
        assertThat(before.catalog().differences(after.catalog())).isEmpty();
        assertThat(after.rows()).isEqualTo(before.rows());
        assertThat(fx.addonsChecksum()).isEqualTo(filesBefore);
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"2\"");
    }

    @Test
    void retentionKeepsTheNewestFullBackupsAndDeleteRemovesOne() throws Exception {
        assertThat(fx.run(JobRequest.install("greeter", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        for (int i = 0; i < BackupFixture.KEEP + 1; i++) {
            assertThat(backupFull().state()).isEqualTo(JobState.SUCCEEDED);
        }

        List<BackupSummary> list = fx.jobs.backupStore().list();

        assertThat(list).filteredOn(b -> b.scope().equals("full")).hasSize(BackupFixture.KEEP);
        assertThat(list).allSatisfy(b -> assertThat(b.sizeBytes()).isPositive());

        String oldest = list.get(list.size() - 1).backupId();
        fx.jobs.backupStore().delete(oldest);
        assertThat(fx.jobs.backupStore().list()).extracting(BackupSummary::backupId).doesNotContain(oldest);
        assertThat(Files.exists(fx.jobs.backupStore().store().root().resolve(oldest))).isFalse();
        assertThatThrownBy(() -> fx.jobs.backupStore().delete(oldest)).isInstanceOfSatisfying(AgentException.class,
                e -> assertThat(e.code()).isEqualTo(ErrorCode.NOT_FOUND));
    }

    @Test
    void aBackupThatDoesNotFitIsRefusedWithAClearErrorAndWritesNothing() throws Exception {
        assertThat(fx.run(JobRequest.install("greeter", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        fx.freeBytes.set(1024);

        assertThatThrownBy(backupFullSubmit()).isInstanceOfSatisfying(AgentException.class, e -> {
            assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
            assertThat(e.getMessage()).contains("insufficient space").contains("1024 bytes free");
        });

        assertThat(fx.jobs.backupStore().list()).isEmpty();
        try (Stream<Path> files = Files.list(fx.jobs.backupStore().store().root())) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void anUpdateWhoseBackupWouldNotFitIsRefusedAtSubmitAndOneWithoutBackupIsNot() throws Exception {
        assertThat(fx.run(JobRequest.install("greeter", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        fx.publish(TestAddonBuilder.addon("greeter").version("1.1.0")
                .migration("V1__init.sql", "CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(50));\n"
                        + "INSERT INTO greeting (id, text) VALUES (1, 'hello');")
                .migration("V2__mood.sql", "ALTER TABLE greeting ADD COLUMN mood VARCHAR(20);"));
        List<JobView> jobsBefore = fx.jobs.jobs().recent(100);
        fx.freeBytes.set(1024);

        assertThatThrownBy(() -> fx.jobs.jobs().submit(JobRequest.update("greeter", Optional.empty(), true)))
                .isInstanceOfSatisfying(AgentException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.CONFLICT);
                    assertThat(e.getMessage()).contains("insufficient space for the backup before the update",
                            "1024 bytes free");
                });
        assertThat(fx.jobs.jobs().recent(100)).as("no job was accepted").isEqualTo(jobsBefore);
        assertThat(fx.jobs.installed().find("greeter").orElseThrow().version()).isEqualTo("1.0.0");

        JobView withoutBackup = fx.run(JobRequest.update("greeter", Optional.empty(), false));
        assertThat(withoutBackup.state()).as("%s", withoutBackup).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.jobs.backupStore().list()).isEmpty();
    }

    @Test
    void anUpdateTakesAPreUpdateBackupThatAFailedMigrationRestoresByItselfAndThatCanBeRestoredLater()
            throws Exception {
        assertThat(fx.run(JobRequest.install("greeter", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        fx.execute("INSERT INTO addon_greeter.greeting (id, text) VALUES (2, 'hallo')");
        fx.publish(TestAddonBuilder.addon("greeter").version("1.1.0")
                .migration("V1__init.sql", "CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(50));\n"
                        + "INSERT INTO greeting (id, text) VALUES (1, 'hello');")
                .migration("V2__half.sql", "ALTER TABLE greeting ADD COLUMN mood VARCHAR(20);")
                .migration("V3__bad.sql", "UPDATE greeting SET nonexistent = 1;")
                .queryRoute("/api/v1/greeter/count", "SELECT COUNT(*) FROM greeting"));
        BackupFixture.Dump before = fx.dump();
        List<InstalledAddon> registryBefore = fx.jobs.installed().list();

        JobView failed = fx.run(JobRequest.update("greeter", Optional.empty(), true));

        assertThat(failed.state()).as("%s", failed).isEqualTo(JobState.ROLLED_BACK);
        assertThat(failed.rollback()).extracting(StepView::name).contains("migrate", "backup");
        assertThat(significant(before.catalog().differences(fx.dump().catalog()))).isEmpty();
        assertThat(fx.dump().rows()).isEqualTo(before.rows());
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"2\"");
        assertThat(fx.jobs.backupStore().list()).isEmpty();

        fx.publish(TestAddonBuilder.addon("greeter").version("1.2.0")
                .migration("V1__init.sql", "CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(50));\n"
                        + "INSERT INTO greeting (id, text) VALUES (1, 'hello');")
                .migration("V2__mood.sql", "ALTER TABLE greeting ADD COLUMN mood VARCHAR(20) DEFAULT 'ok' NOT NULL;")
                .queryRoute("/api/v1/greeter/count", "SELECT COUNT(*) FROM greeting"));
        JobView updated = fx.run(JobRequest.update("greeter", Optional.of("1.2.0"), true));
        assertThat(updated.state()).as("%s", updated).isEqualTo(JobState.SUCCEEDED);
        BackupSummary pre = fx.jobs.backupStore().list().get(0);
        assertThat(pre.scope()).isEqualTo("pre-update");
        assertThat(pre.method()).isEqualTo(expectedMethod());
        assertThat(pre.versions()).containsEntry("addon:greeter", "1.0.0");
        fx.execute("DELETE FROM addon_greeter.greeting WHERE id = 1");

        JobView restored = restore(pre.backupId());

        assertThat(restored.state()).as("%s", restored).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.jobs.installed().list()).isEqualTo(registryBefore);
        assertThat(significant(before.catalog().differences(fx.dump().catalog()))).isEmpty();
        // the registry row is the backup's, but its updated_at says when the restore wrote it
        assertThat(withoutRegistry(fx.dump().rows())).isEqualTo(withoutRegistry(before.rows()));
        assertThat(fx.get("/api/v1/greeter/count").getContent()).contains("\"value\":\"2\"");
    }

    private static java.util.Map<String, List<String>> withoutRegistry(java.util.Map<String, List<String>> rows) {
        java.util.Map<String, List<String>> out = new java.util.TreeMap<>(rows);
        out.keySet().removeIf(t -> t.equalsIgnoreCase("\"agent\".\"addons\""));
        return out;
    }

    /**
     * An addon route moves a counter and appends the new value to a ledger in one statement (one transaction) while
     * a full backup runs; the backup, restored, holds a counter that equals the ledger's size and its last entry:
     * one point in time, never half a write.
     */
    @Test
    void aFullBackupTakenWhileAnAddonRouteWritesTwoTablesIsOneConsistentPointInTime() throws Exception {
        String tick = fx.h2()
                ? "INSERT INTO ledger (n) SELECT n FROM FINAL TABLE (UPDATE counter SET n = n + 1 WHERE id = 1)"
                : "WITH u AS (UPDATE counter SET n = n + 1 WHERE id = 1 RETURNING n) INSERT INTO ledger (n)"
                + " SELECT n FROM u";
        fx.publish(TestAddonBuilder.addon("ledger").version("1.0.0")
                .migration("V1__init.sql", "CREATE TABLE counter (id INT PRIMARY KEY, n BIGINT NOT NULL);\n"
                        + "INSERT INTO counter (id, n) VALUES (1, 0);\n"
                        + "CREATE TABLE ledger (n BIGINT PRIMARY KEY);")
                .updateRoute(HttpMethod.POST, "/api/v1/ledger/tick", tick));
        assertThat(fx.run(JobRequest.install("ledger", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        java.util.concurrent.atomic.AtomicBoolean writing = new java.util.concurrent.atomic.AtomicBoolean(true);
        java.util.concurrent.atomic.AtomicLong ticks = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.atomic.AtomicReference<String> failure = new java.util.concurrent.atomic.AtomicReference<>();
        List<Thread> writers = new java.util.ArrayList<>();
        for (int w = 0; w < 2; w++) {
            Thread writer = new Thread(() -> {
                while (writing.get()) {
                    try {
                        var r = fx.send("POST", "/api/v1/ledger/tick", "{}");
                        if (r.getStatus() == 200) {
                            ticks.incrementAndGet();
                        } else if (r.getStatus() != 404) {
                            failure.compareAndSet(null, r.getStatus() + " " + r.getContent());
                        }
                    } catch (Exception e) {
                        failure.compareAndSet(null, e.toString());
                    }
                }
            });
            writer.start();
            writers.add(writer);
        }
        while (ticks.get() < 20) {
            Thread.sleep(5);
        }
        long beforeBackup = ticks.get();

        JobView backup = backupFull();

        long afterBackup = ticks.get();
        while (ticks.get() < afterBackup + 20) {
            Thread.sleep(5);
        }
        writing.set(false);
        for (Thread t : writers) {
            t.join();
        }
        assertThat(failure.get()).as("every write succeeded").isNull();
        assertThat(backup.state()).as("%s", backup).isEqualTo(JobState.SUCCEEDED);
        assertThat(afterBackup).as("the route wrote while the backup ran").isGreaterThan(beforeBackup);
        long written = fx.queryLong("SELECT n FROM addon_ledger.counter");
        assertThat(fx.queryLong("SELECT COUNT(*) FROM addon_ledger.ledger")).isEqualTo(written);

        assertThat(restore(onlyBackupId()).state()).isEqualTo(JobState.SUCCEEDED);

        long counter = fx.queryLong("SELECT n FROM addon_ledger.counter");
        assertThat(counter).as("the backup was taken after the first writes and before the last ones")
                .isBetween(beforeBackup, afterBackup + 2);
        assertThat(fx.queryLong("SELECT COUNT(*) FROM addon_ledger.ledger")).isEqualTo(counter);
        assertThat(fx.queryLong("SELECT COALESCE(MAX(n), 0) FROM addon_ledger.ledger")).isEqualTo(counter);
    }

    private org.assertj.core.api.ThrowableAssert.ThrowingCallable backupFullSubmit() {
        return () -> fx.jobs.jobs().submit(new JobRequest(JobAction.BACKUP, "", Optional.empty(), true));
    }
}
