package com.nextpanel.addons.agent.jobs;

import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * A bench runner (not a test): the cost of one journal write (one committed insert, as {@code submit} journals a
 * job) on the agent's H2 file, with {@code WRITE_DELAY=0} (the agent's URL: each commit stores the MVStore) and with
 * H2's default 500 ms (which a halt can lose). Prints the median and p90 per write. Run with the test class path:
 * {@code java -cp ... com.nextpanel.addons.agent.jobs.JournalWriteBench [writes]}.
 */
public final class JournalWriteBench {

    private JournalWriteBench() {
    }

    public static void main(String[] args) throws Exception {
        int writes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        for (String delay : List.of("0", "500", "0", "500")) {
            Path dir = Files.createTempDirectory("journal-bench");
            DatabaseConfig base = DatabaseConfig.h2In(dir);
            DatabaseConfig config = new DatabaseConfig(base.jdbcUrl().replace(";WRITE_DELAY=0", ";WRITE_DELAY=" + delay),
                    base.user(), base.password());
            try (Database db = Database.open(config)) {
                JournalSchema.migrate(db.dataSource());
                if (!delay.equals("0")) {
                    try (var c = db.connection(); var s = c.createStatement()) {
                        s.execute("SET WRITE_DELAY " + delay); // undo the journal's own SET, to measure the default
                    }
                }
                Journal journal = new Journal(db.dataSource());
                List<Long> nanos = new ArrayList<>();
                for (int i = 0; i < writes + 200; i++) {
                    JobRecord job = new JobRecord(UUID.randomUUID().toString(), JobAction.INSTALL, "bench",
                            Optional.empty(), false, JobState.QUEUED, false, Instant.now(), Optional.empty());
                    long t0 = System.nanoTime();
                    journal.insertJob(job);
                    if (i >= 200) {
                        nanos.add(System.nanoTime() - t0);
                    }
                }
                nanos.sort(null);
                System.out.printf("WRITE_DELAY=%s: %d journal writes, median %.3f ms, p90 %.3f ms, file %d KB%n",
                        delay, writes, nanos.get(writes / 2) / 1e6, nanos.get(writes * 9 / 10) / 1e6,
                        Files.size(dir.resolve("db/agent.mv.db")) / 1024);
            }
        }
    }
}
