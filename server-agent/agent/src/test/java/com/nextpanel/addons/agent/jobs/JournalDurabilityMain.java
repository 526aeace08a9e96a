package com.nextpanel.addons.agent.jobs;

import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * A child JVM for {@link H2JournalDurabilityTest}: opens the agent's H2 database the way the agent does, journals
 * jobs from one thread while other threads write other tables hard (as addon routes do), prints {@code ACK <jobId>}
 * after each journal commit returned, and halts ({@code Runtime.halt(137)}) right after one of them at a moment
 * picked by the seed.
 *
 * <p>Arguments: data dir, seed, mode. Modes: {@code agent} opens it as the agent does now
 * ({@link DatabaseConfig#h2In}, {@link JournalSchema#migrate}); {@code legacy} as it did before the URL carried
 * {@code WRITE_DELAY=0} (the setting run as {@code SET} on one pooled connection after the open, by
 * {@link JournalSchema#migrate});
 * {@code legacy-reopened} the same, then the database closed and opened again (as H2 does when a pool's last
 * connection closes), which silently brings back H2's default 500 ms write delay; {@code restart} the crash
 * suite's shape: a database written and closed cleanly, opened again, 1 to 3 journal commits and the halt at once;
 * {@code reused-space} the same on a database whose file has free space before its end (large rows written and
 * deleted, with no retention), so that H2 puts the new chunks into reused space.
 */
public final class JournalDurabilityMain {

    private JournalDurabilityMain() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        Random random = new Random(Long.parseLong(args[1]));
        String mode = args[2];
        DataSource ds;
        if (mode.startsWith("legacy")) {
            ds = legacyPool(dir);
            JournalSchema.migrate(ds);
            if (mode.equals("legacy-reopened")) {
                ((HikariDataSource) ds).close();
                ds = legacyPool(dir);
            }
        } else if (mode.equals("restart") || mode.equals("reused-space")) {
            // as the crash suite: a database written and closed by an earlier agent, opened again, and the halt
            // within milliseconds of the first journal commits, with no other load
            try (Database first = Database.open(DatabaseConfig.h2In(dir))) {
                JournalSchema.migrate(first.dataSource());
                if (mode.equals("reused-space")) {
                    leaveFreeSpace(first.dataSource(), random);
                }
                Journal earlier = new Journal(first.dataSource());
                for (int i = 0; i < 40; i++) {
                    earlier.insertJob(new JobRecord(UUID.randomUUID().toString(), JobAction.INSTALL, "earlier",
                            Optional.empty(), false, JobState.SUCCEEDED, true, Instant.now(), Optional.empty()));
                }
            }
            Database db = Database.open(DatabaseConfig.h2In(dir));
            JournalSchema.migrate(db.dataSource());
            Journal journal = new Journal(db.dataSource());
            int commits = 1 + random.nextInt(3);
            for (int i = 0; i < commits; i++) {
                JobRecord job = new JobRecord(UUID.randomUUID().toString(), JobAction.UNINSTALL, "stress",
                        Optional.empty(), false, JobState.QUEUED, false, Instant.now(), Optional.empty());
                journal.insertJob(job);
                System.out.println("ACK " + job.jobId());
                System.out.flush();
            }
            Runtime.getRuntime().halt(137);
            return;
        } else {
            Database db = Database.open(DatabaseConfig.h2In(dir));
            JournalSchema.migrate(db.dataSource());
            ds = db.dataSource();
        }
        DataSource open = ds;
        try (Connection c = open.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS public.load_rows (id BIGINT AUTO_INCREMENT PRIMARY KEY,"
                    + " payload VARCHAR(20000))");
        }
        Journal journal = new Journal(open);
        int writers = 3;
        for (int w = 0; w < writers; w++) {
            Thread t = new Thread(() -> load(open), "load-" + w);
            t.setDaemon(true);
            t.start();
        }
        long haltAfterNanos = (200 + random.nextInt(1800)) * 1_000_000L;
        long start = System.nanoTime();
        PrintStream out = System.out;
        while (true) {
            JobRecord job = new JobRecord(UUID.randomUUID().toString(), JobAction.INSTALL, "stress",
                    Optional.empty(), false, JobState.QUEUED, false, Instant.now(), Optional.empty());
            journal.insertJob(job);
            out.println("ACK " + job.jobId());
            out.flush();
            if (System.nanoTime() - start > haltAfterNanos) {
                Runtime.getRuntime().halt(137);
            }
        }
    }

    /**
     * The agent's pool as {@code Database.open} built it before: the same settings, on the URL the agent had then
     * (no {@code WRITE_DELAY}; {@link DatabaseConfig} now adds it to every H2 URL, so this one is built by hand).
     */
    private static DataSource legacyPool(Path dir) {
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl("jdbc:h2:file:" + dir.toAbsolutePath().resolve("db").resolve("agent")
                + ";AUTO_SERVER=FALSE;DATABASE_TO_LOWER=TRUE");
        hikari.setUsername(DatabaseConfig.H2_USER);
        hikari.setPassword("");
        hikari.setMaximumPoolSize(16);
        hikari.setMinimumIdle(1);
        return new HikariDataSource(hikari);
    }

    /** Writes and deletes large rows, with no retention, so the file has free space before its end. */
    private static void leaveFreeSpace(DataSource db, Random random) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            s.execute("SET RETENTION_TIME 0");
            s.execute("CREATE TABLE public.churn (id INT PRIMARY KEY, payload VARCHAR(20000))");
            String payload = "y".repeat(8000);
            for (int round = 0; round < 3 + random.nextInt(4); round++) {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO public.churn VALUES (?, ?)")) {
                    for (int i = 0; i < 100; i++) {
                        ps.setInt(1, i);
                        ps.setString(2, payload);
                        ps.executeUpdate();
                    }
                }
                s.execute("DELETE FROM public.churn");
            }
        }
    }

    /** Addon-like writes: batches of large rows in their own transactions, to make H2 store often. */
    private static void load(DataSource db) {
        String payload = "x".repeat(8000);
        while (true) {
            try (Connection c = db.getConnection()) {
                c.setAutoCommit(false);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO public.load_rows (payload) VALUES (?)")) {
                    for (int i = 0; i < 20; i++) {
                        ps.setString(1, payload);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
                c.setAutoCommit(true);
            } catch (Exception e) {
                // the journal thread decides when the process dies; the load just keeps going
            }
        }
    }
}
