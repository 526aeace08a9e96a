package com.nextpanel.addons.agent.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plug pulled at random: at least 30 install, update and uninstall jobs of the greeter through the real agent,
 * mixed with full and addon backups and restores of them, each killed with SIGKILL after a random delay within the
 * job's measured duration, then the agent started again and the server required exactly as before the job
 * (ROLLED_BACK, or FAILED when nothing had changed) or exactly as after it (SUCCEEDED). Backups are taken with
 * greeter 1.0.0 installed, so a restore (of a random backup of its scope, from any state for a full one, over an
 * installed greeter for an addon one) always brings greeter 1.0.0 back; every fourth job is a backup or a
 * restore, of the kinds run least so far (waiting for a state that allows one), and the loop goes on past 30
 * until each kind was killed once. The delays, the jobs and the backups restored come from one seed,
 * printed first ({@code replay with -Dnextpanel.test.seed=N}) and in every assertion message. Bounded: at least
 * {@code -Dnextpanel.test.sigkill.cycles} install/update/uninstall jobs (default and minimum 30) within
 * {@code -Dnextpanel.test.sigkill.minutes} minutes per database (default 6); it fails when time runs out first.
 */
@ExtendWith(PostgresExtension.class)
class SigkillLoopTest {

    private static final int MIN_CYCLES = 30;
    /** Retention keeps 10 per scope: the loop takes no backup (and no update) that would make it delete one. */
    private static final int MAX_BACKUPS_PER_SCOPE = 9;
    private static final long SEED = Long.getLong("nextpanel.test.seed", new Random().nextLong());
    static {
        System.out.println("SIGKILL loop: replay with -Dnextpanel.test.seed=" + SEED);
    }

    /** Where the greeter stands. */
    enum Installed { NONE, OLD, NEW }

    /** A job of the loop: where it leaves the greeter, and how to submit it ({@link #next} says when it may run). */
    enum Job {
        INSTALL_OLD(Installed.OLD),
        UPDATE(Installed.NEW),
        UNINSTALL_OLD(Installed.NONE),
        UNINSTALL_NEW(Installed.NONE),
        /** Taken only with greeter 1.0.0 installed. */
        FULL_BACKUP(Installed.OLD),
        ADDON_BACKUP(Installed.OLD),
        /** From any state; every full backup holds greeter 1.0.0. */
        FULL_RESTORE(Installed.OLD),
        /** Over greeter 1.0.0 or 1.1.0; every addon backup holds greeter 1.0.0. */
        ADDON_RESTORE(Installed.OLD);

        final Installed to;

        Job(Installed to) {
            this.to = to;
        }

        boolean backupOrRestore() {
            return ordinal() >= FULL_BACKUP.ordinal();
        }

        /** @return the backup scope a restore restores */
        String restores() {
            return this == FULL_RESTORE ? "full" : this == ADDON_RESTORE ? "addon" : "";
        }

        /** @param random picks the backup a restore restores */
        String submit(CrashAgent a, Random random) {
            return switch (this) {
                case INSTALL_OLD -> a.submit("POST", "/agent/v1/marketplace/install", "{\"id\":\"greeter\","
                        + "\"version\":\"" + CrashCatalog.OLD + "\"}");
                case UPDATE -> a.submit("POST", "/agent/v1/marketplace/update", "{\"id\":\"greeter\"}");
                case UNINSTALL_OLD, UNINSTALL_NEW -> a.submit("DELETE", "/agent/v1/marketplace/uninstall/greeter", "");
                case FULL_BACKUP -> a.submit("POST", "/agent/v1/backups", "{\"scope\":\"full\"}");
                case ADDON_BACKUP -> a.submit("POST", "/agent/v1/backups", "{\"scope\":\"addon\",\"id\":\"greeter\"}");
                case FULL_RESTORE, ADDON_RESTORE -> a.submit("POST", "/agent/v1/backups/" + pick(a, restores(), random)
                        + "/restore", "");
            };
        }

        private static String pick(CrashAgent a, String scope, Random random) {
            List<String> ids = new ArrayList<>();
            for (JsonNode b : CrashAgent.json(a.get("/agent/v1/backups").body())) {
                if (b.path("scope").asText().equals(scope)) {
                    ids.add(b.path("backupId").asText());
                }
            }
            if (ids.isEmpty()) {
                throw new IllegalStateException("no " + scope + " backup to restore");
            }
            ids.sort(null);
            return ids.get(random.nextInt(ids.size()));
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
        References refs = references(c, db);
        System.out.printf("SIGKILL loop on %s: %s; references in %d ms, job durations %s%n", db, seedNote,
                (System.nanoTime() - t0) / 1_000_000, refs.millis);
        Installed state = Installed.OLD;
        CrashWorld before = refs.last;
        Map<String, Integer> outcomes = new TreeMap<>();
        Map<Job, Integer> runs = new EnumMap<>(Job.class);
        long deadline = System.nanoTime() + budget.toNanos();
        int done = 0;
        int lifecycle = 0;
        boolean mixDue = false;
        while ((lifecycle < cycles || !ranEveryBackupAndRestore(runs)) && System.nanoTime() < deadline) {
            mixDue |= done % 4 == 3 || lifecycle >= cycles;
            Optional<Job> mix = mixDue ? backupOrRestore(state, before, runs, random) : Optional.empty();
            mixDue &= mix.isEmpty();
            Job job = mix.orElseGet(lifecycleJob(state, before, random));
            long delay = (long) (random.nextDouble() * refs.millis.get(job));
            String label = "cycle " + (done + 1) + " on " + db + ": " + job + " killed after " + delay + " ms, "
                    + seedNote;
            String jobId;
            try (CrashAgent a = CrashAgent.start(c, Optional.empty())) {
                jobId = job.submit(a, random);
                CrashAgent.sleep(delay);
                a.kill();
            }
            CrashWorld after = refs.after.get(job).after(before, refs.before.get(job));
            String end = CrashRuns.recoverAndJudge(c, jobId, before, after, label);
            outcomes.merge(job + " " + end, 1, Integer::sum);
            runs.merge(job, 1, Integer::sum);
            if (end.equals("SUCCEEDED")) {
                state = job.to;
                before = after;
            }
            done++;
            lifecycle += job.backupOrRestore() ? 0 : 1;
        }
        System.out.printf("SIGKILL loop on %s: %d cycles (%d install/update/uninstall) in %d s, %s; outcomes %s%n",
                db, done, lifecycle, (System.nanoTime() - t0) / 1_000_000_000L, seedNote, outcomes);
        assertThat(lifecycle).as("SIGKILL loop on %s ran out of its %s budget after %d install/update/uninstall"
                + " cycles (%d needed); %s", db, budget, lifecycle, MIN_CYCLES, seedNote)
                .isGreaterThanOrEqualTo(MIN_CYCLES);
        assertThat(runs.keySet()).as("SIGKILL loop on %s: each kind of backup and restore was killed at least once;"
                + " %s", db, seedNote).containsAll(EnumSet.range(Job.FULL_BACKUP, Job.ADDON_RESTORE));
    }

    private static boolean ranEveryBackupAndRestore(Map<Job, Integer> runs) {
        return runs.keySet().containsAll(EnumSet.range(Job.FULL_BACKUP, Job.ADDON_RESTORE));
    }

    /**
     * A backup or restore, every fourth job: of the kinds run least so far, one the greeter's state and the backups
     * allow now; empty when none of those can run now (the turn waits for the next job), so every kind is killed.
     */
    static Optional<Job> backupOrRestore(Installed state, CrashWorld before, Map<Job, Integer> runs, Random random) {
        List<Job> possible = new ArrayList<>();
        if (state == Installed.OLD && count(before, "full") < MAX_BACKUPS_PER_SCOPE) {
            possible.add(Job.FULL_BACKUP);
        }
        if (state == Installed.OLD && count(before, "addon") < MAX_BACKUPS_PER_SCOPE) {
            possible.add(Job.ADDON_BACKUP);
        }
        if (count(before, "full") > 0) {
            possible.add(Job.FULL_RESTORE);
        }
        if (state != Installed.NONE && count(before, "addon") > 0) {
            possible.add(Job.ADDON_RESTORE);
        }
        int least = EnumSet.range(Job.FULL_BACKUP, Job.ADDON_RESTORE).stream()
                .mapToInt(j -> runs.getOrDefault(j, 0)).min().orElseThrow();
        List<Job> rarest = possible.stream().filter(j -> runs.getOrDefault(j, 0) == least).toList();
        return rarest.isEmpty() ? Optional.empty() : Optional.of(rarest.get(random.nextInt(rarest.size())));
    }

    /** @return the install, update or uninstall the greeter's state allows (an update only while retention keeps) */
    static java.util.function.Supplier<Job> lifecycleJob(Installed state, CrashWorld before, Random random) {
        return () -> switch (state) {
            case NONE -> Job.INSTALL_OLD;
            case OLD -> random.nextBoolean() && count(before, "pre-update") < MAX_BACKUPS_PER_SCOPE ? Job.UPDATE
                    : Job.UNINSTALL_OLD;
            case NEW -> Job.UNINSTALL_NEW;
        };
    }

    /** @return how many backups of {@code scope} the world lists */
    private static long count(CrashWorld world, String scope) {
        return world.backups().stream().filter(b -> b.startsWith(scope + " ")).count();
    }

    /**
     * Per job, the worlds a run to its end went from and to (the loop's expected world is the "to" world's
     * addon, database and files, with the backups the loop has plus those the reference job added), and its
     * duration; {@code last} is the world the references end in (greeter 1.0.0 and a backup of each scope).
     */
    private record References(Map<Job, CrashWorld> before, Map<Job, CrashWorld> after, Map<Job, Long> millis,
                              CrashWorld last) {
    }

    /**
     * Runs every job of the loop to its end once on the loop's own server (so the references share its database
     * and need no normalising), timing each: install 1.0.0, full backup, addon backup, update, uninstall, full
     * restore, addon restore. Each restore must bring back exactly the world the backup was taken in (but for the
     * backups themselves), which is also what the loop requires of a restore.
     */
    private static References references(CrashCase c, DatabaseTarget db) {
        Map<Job, CrashWorld> from = new EnumMap<>(Job.class);
        Map<Job, CrashWorld> to = new EnumMap<>(Job.class);
        Map<Job, Long> millis = new EnumMap<>(Job.class);
        Random unused = new Random(0);
        CrashWorld world = capture(c, Optional.empty(), millis, unused);
        for (Job job : List.of(Job.INSTALL_OLD, Job.FULL_BACKUP, Job.ADDON_BACKUP, Job.UPDATE, Job.UNINSTALL_NEW,
                Job.FULL_RESTORE, Job.ADDON_RESTORE)) {
            from.put(job, world);
            world = capture(c, Optional.of(job), millis, unused);
            to.put(job, world);
        }
        CrashWorld installedOld = to.get(Job.INSTALL_OLD);
        for (Job restore : List.of(Job.FULL_RESTORE, Job.ADDON_RESTORE)) {
            CrashWorld restored = to.get(restore);
            assertThat(restored.differences(installedOld.after(restored, installedOld)))
                    .as("on %s the reference %s (of a backup taken with greeter %s) must bring back the server as it"
                            + " was then, but for the backups; it differs in", db, restore, CrashCatalog.OLD)
                    .isEmpty();
        }
        from.put(Job.UNINSTALL_OLD, from.get(Job.UNINSTALL_NEW));
        to.put(Job.UNINSTALL_OLD, to.get(Job.UNINSTALL_NEW));
        millis.put(Job.UNINSTALL_OLD, millis.get(Job.UNINSTALL_NEW));
        return new References(from, to, millis, world);
    }

    private static CrashWorld capture(CrashCase c, Optional<Job> job, Map<Job, Long> millis, Random random) {
        CrashWorld.Live live;
        try (CrashAgent a = CrashAgent.start(c, Optional.empty())) {
            if (job.isPresent()) {
                String jobId = job.get().submit(a, random);
                long t0 = System.nanoTime();
                JsonNode end = a.awaitJob(jobId);
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
