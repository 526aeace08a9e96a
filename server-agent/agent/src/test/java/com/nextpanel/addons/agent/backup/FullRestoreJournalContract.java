package com.nextpanel.addons.agent.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobState;
import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The job journal is outside what a full backup captures and what a full restore replaces: a backup holds no job,
 * a restore leaves every journaled job exactly as it was (jobs journaled after the backup included), status polls
 * keep answering while the restore runs, and a dump taken before the journal was left out (it holds the journal
 * tables) restores everything else and leaves today's journal alone. Run on H2, PostgreSQL with pg_dump, and
 * PostgreSQL through JDBC COPY by the subclasses.
 */
abstract class FullRestoreJournalContract {

    @TempDir
    Path root;
    BackupFixture fx;

    abstract DatabaseConfig database(Path root) throws Exception;

    /** Writes a whole-database dump the way the agent did before the journal was left out. */
    abstract String dumpWithJournal(Path dir) throws Exception;

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

    @Test
    void aFullBackupHoldsNoJobAndItsRestoreLeavesEveryJournaledJobUntouchedWhileStatusPollsKeepAnswering()
            throws Exception {
        JobView installBefore = fx.run(JobRequest.install("greeter", Optional.empty()));
        assertThat(installBefore.state()).isEqualTo(JobState.SUCCEEDED);
        JobView backup = fx.run(new JobRequest(JobAction.BACKUP, "", Optional.empty(), true));
        assertThat(backup.state()).as("%s", backup).isEqualTo(JobState.SUCCEEDED);
        String backupId = fx.jobs.backupStore().list().get(0).backupId();
        Path backupDir = fx.jobs.backupStore().store().root().resolve(backupId);
        assertThat(filesMentioning(backupDir, installBefore.jobId())).as("files of the backup naming a job")
                .isEmpty();
        JobView installAfter = fx.run(JobRequest.install("hub", Optional.empty()));
        assertThat(installAfter.state()).isEqualTo(JobState.SUCCEEDED);
        Map<String, JobView> journaled = Map.of(installBefore.jobId(), find(installBefore.jobId()),
                backup.jobId(), find(backup.jobId()), installAfter.jobId(), find(installAfter.jobId()));

        String restoreId = fx.jobs.jobs().submit(new JobRequest(JobAction.RESTORE, backupId, Optional.empty(), false))
                .jobId();
        List<String> pollFailures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger polls = new AtomicInteger();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread poller = new Thread(() -> {
            while (running.get()) {
                for (String id : List.of(restoreId, installAfter.jobId(), installBefore.jobId())) {
                    try {
                        if (fx.jobs.jobs().find(id).isEmpty()) {
                            pollFailures.add(id + " not found");
                        }
                    } catch (RuntimeException e) {
                        pollFailures.add(id + ": " + e);
                    }
                    polls.incrementAndGet();
                }
            }
        }, "status-poller");
        poller.start();
        JobView restored;
        try {
            restored = awaitEnd(restoreId);
        } finally {
            running.set(false);
            poller.join();
        }

        assertThat(restored.state()).as("%s", restored).isEqualTo(JobState.SUCCEEDED);
        assertThat(pollFailures).as("failed status polls out of %d", polls.get()).isEmpty();
        assertThat(polls.get()).isPositive();
        for (Map.Entry<String, JobView> e : journaled.entrySet()) {
            assertThat(find(e.getKey())).as("job %s after the restore", e.getKey()).isEqualTo(e.getValue());
        }
        assertThat(fx.jobs.jobs().recent(4)).extracting(JobView::jobId)
                .as("newest first: the journal's order went on, it was not reset to the backup's")
                .containsExactly(restoreId, installAfter.jobId(), backup.jobId(), installBefore.jobId());
        assertThat(fx.jobs.installed().list()).extracting(a -> a.id()).containsExactly("greeter");
        JobView next = fx.run(JobRequest.install("hub", Optional.empty()));
        assertThat(next.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(fx.jobs.jobs().recent(1)).extracting(JobView::jobId).containsExactly(next.jobId());
    }

    @Test
    void aDumpThatStillHoldsTheJournalRestoresEverythingElseAndLeavesTodaysJournalAlone() throws Exception {
        JobView install = fx.run(JobRequest.install("greeter", Optional.empty()));
        assertThat(install.state()).isEqualTo(JobState.SUCCEEDED);
        fx.execute("INSERT INTO billing.customers (name, email) VALUES ('Ada', 'ada@example.com')");
        DatabaseDumps dumps = new DatabaseDumps(fx.db.dataSource());
        Path legacy = Files.createDirectories(root.resolve("legacy-backup"));
        Map<String, String> owners = dumps.addonSchemaOwners();
        String method = dumpWithJournal(legacy);
        assertThat(filesMentioning(legacy, install.jobId())).as("the old dump holds the journal").isNotEmpty();
        BackupFixture.Dump atDump = fx.dump();

        fx.execute("UPDATE billing.customers SET name = 'Grace' WHERE email = 'ada@example.com'");
        fx.execute("INSERT INTO addon_greeter.greeting (id, text) VALUES (2, 'bonjour')");
        JobView later = fx.run(new JobRequest(JobAction.BACKUP, "", Optional.empty(), true));
        assertThat(later.state()).isEqualTo(JobState.SUCCEEDED);
        JobView installView = find(install.jobId());
        JobView laterView = find(later.jobId());

        String how = dumps.restore(legacy, method, owners, () -> { });

        assertThat(how).contains("journal");
        BackupFixture.Dump after = fx.dump();
        assertThat(after.rows()).isEqualTo(atDump.rows());
        assertThat(find(install.jobId())).isEqualTo(installView);
        assertThat(find(later.jobId())).as("a job journaled after the dump").isEqualTo(laterView);
        assertThat(fx.jobs.jobs().recent(10)).extracting(JobView::jobId)
                .containsExactly(later.jobId(), install.jobId());
    }

    private JobView find(String jobId) {
        return fx.jobs.jobs().find(jobId).orElseThrow(() -> new AssertionError("no job " + jobId));
    }

    private JobView awaitEnd(String jobId) throws InterruptedException {
        // bounded by the test's own timeout; the restore of two tiny addons takes seconds
        for (int i = 0; i < 600_000; i++) {
            JobView view = find(jobId);
            if (view.state().isFinal()) {
                return view;
            }
            Thread.sleep(1);
        }
        throw new AssertionError("restore " + jobId + " did not end");
    }

    private static List<Path> filesMentioning(Path dir, String text) throws Exception {
        byte[] needle = text.getBytes(StandardCharsets.UTF_8);
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                if (indexOf(Files.readAllBytes(f), needle) >= 0) {
                    out.add(dir.relativize(f));
                }
            }
        }
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
