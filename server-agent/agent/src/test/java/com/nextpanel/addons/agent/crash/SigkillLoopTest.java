package com.nextpanel.addons.agent.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug pulled at random: at least 30 install, update and uninstall jobs of the greeter through the real agent,
 * each killed with SIGKILL after a random delay within the job's measured duration, then the agent started again
 * and the server required exactly as before the job (ROLLED_BACK, or FAILED when nothing had changed) or exactly
 * as after it (SUCCEEDED). The delays and the jobs come from one seed, printed first
 * ({@code replay with -Dnextpanel.test.seed=N}) and in every assertion message. Bounded: at most
 * {@code -Dnextpanel.test.sigkill.cycles} cycles (default 30) and {@code -Dnextpanel.test.sigkill.minutes} minutes
 * per database (default 6); it fails when time runs out before 30 cycles.
 */
@ExtendWith(PostgresExtension.class)
class SigkillLoopTest {

    private static final int MIN_CYCLES = 30;
    private static final long SEED = Long.getLong("nextpanel.test.seed", new Random().nextLong());

    static {
        System.out.println("SIGKILL loop: replay with -Dnextpanel.test.seed=" + SEED);
    }

    /** Where the greeter stands; the reference worlds are keyed by it. */
    enum Installed { NONE, OLD, NEW }

    /** A job of the loop: from where to where, and how to submit it. */
    enum Job {
        INSTALL_OLD(Installed.NONE, Installed.OLD),
        UPDATE(Installed.OLD, Installed.NEW),
        UNINSTALL_OLD(Installed.OLD, Installed.NONE),
        UNINSTALL_NEW(Installed.NEW, Installed.NONE);

        final Installed from;
        final Installed to;

        Job(Installed from, Installed to) {
            this.from = from;
            this.to = to;
        }

        String submit(CrashAgent a) {
            return switch (this) {
                case INSTALL_OLD -> a.submit("POST", "/agent/v1/marketplace/install", "{\"id\":\"greeter\","
                        + "\"version\":\"" + CrashCatalog.OLD + "\"}");
                case UPDATE -> a.submit("POST", "/agent/v1/marketplace/update", "{\"id\":\"greeter\"}");
                case UNINSTALL_OLD, UNINSTALL_NEW -> a.submit("DELETE", "/agent/v1/marketplace/uninstall/greeter", "");
            };
        }
    }

    @OnEachDatabase
    void aJobKilledWithSigkillAtARandomMomentLeavesTheServerExactlyAsBeforeOrExactlyAsAfter(DatabaseTarget db,
            @TempDir Path tmp) throws Exception {
        int cycles = Math.max(MIN_CYCLES, Integer.getInteger("nextpanel.test.sigkill.cycles", MIN_CYCLES));
        Duration budget = Duration.ofMinutes(Long.getLong("nextpanel.test.sigkill.minutes", 6));
        String seedNote = "seed " + SEED + " (replay with -Dnextpanel.test.seed=" + SEED + ")";
        Random random = new Random(SEED);
        long t0 = System.nanoTime();
        CrashCase c = new CrashCase(Files.createDirectories(tmp.resolve("loop")).resolve("data"), db,
                CrashCatalog.shared(), null);
        References refs = references(c);
        System.out.printf("SIGKILL loop on %s: %s; references in %d ms, job durations %s%n", db, seedNote,
                (System.nanoTime() - t0) / 1_000_000, refs.millis);
        Installed state = Installed.NONE;
        CrashWorld before = refs.last;
        Map<String, Integer> outcomes = new TreeMap<>();
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        while (done < cycles && System.nanoTime() < deadline) {
            Job job = next(state, random);
            long delay = (long) (random.nextDouble() * refs.millis.get(job));
            String label = "cycle " + (done + 1) + " on " + db + ": " + job + " killed after " + delay + " ms, "
                    + seedNote;
            String jobId;
            try (CrashAgent a = CrashAgent.start(c, Optional.empty())) {
                jobId = job.submit(a);
                CrashAgent.sleep(delay);
                a.kill();
            }
            CrashWorld after = refs.world.get(job.to).after(before, refs.world.get(job.from));
            String end = CrashRuns.recoverAndJudge(c, jobId, before, after, label);
            outcomes.merge(job + " " + end, 1, Integer::sum);
            if (end.equals("SUCCEEDED")) {
                state = job.to;
                before = after;
            }
            done++;
        }
        System.out.printf("SIGKILL loop on %s: %d cycles in %d s, %s; outcomes %s%n", db, done,
                (System.nanoTime() - t0) / 1_000_000_000L, seedNote, outcomes);
        assertThat(done).as("SIGKILL loop on %s ran out of its %s budget after %d cycles (%d needed); %s", db, budget,
                done, MIN_CYCLES, seedNote).isGreaterThanOrEqualTo(MIN_CYCLES);
    }

    private static Job next(Installed state, Random random) {
        return switch (state) {
            case NONE -> Job.INSTALL_OLD;
            case OLD -> random.nextBoolean() ? Job.UPDATE : Job.UNINSTALL_OLD;
            case NEW -> Job.UNINSTALL_NEW;
        };
    }

    /** The world in each state and each job's duration, from a first round of jobs run to their end. */
    private record References(Map<Installed, CrashWorld> world, Map<Job, Long> millis, CrashWorld last) {
    }

    /**
     * Runs install, update and uninstall to their end on the loop's own server, capturing the world in each state
     * (so the references share the loop's database and need no normalising) and timing each job.
     */
    private static References references(CrashCase c) {
        Map<Installed, CrashWorld> worlds = new LinkedHashMap<>();
        Map<Job, Long> millis = new LinkedHashMap<>();
        worlds.put(Installed.NONE, capture(c, Optional.empty(), millis));
        worlds.put(Installed.OLD, capture(c, Optional.of(Job.INSTALL_OLD), millis));
        worlds.put(Installed.NEW, capture(c, Optional.of(Job.UPDATE), millis));
        CrashWorld last = capture(c, Optional.of(Job.UNINSTALL_NEW), millis);
        millis.put(Job.UNINSTALL_OLD, millis.get(Job.UNINSTALL_NEW));
        return new References(worlds, millis, last);
    }

    private static CrashWorld capture(CrashCase c, Optional<Job> job, Map<Job, Long> millis) {
        CrashWorld.Live live;
        try (CrashAgent a = CrashAgent.start(c, Optional.empty())) {
            if (job.isPresent()) {
                long t0 = System.nanoTime();
                JsonNode end = a.awaitJob(job.get().submit(a));
                millis.put(job.get(), Math.max(1, (System.nanoTime() - t0) / 1_000_000));
                assertThat(end.path("state").asText()).as("%s without a kill: %s", job.get(), end)
                        .isEqualTo("SUCCEEDED");
            }
            live = CrashWorld.live(a);
            a.kill();
        }
        return CrashWorld.of(live, c);
    }
}
