package com.nextpanel.addons.agent.crash;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/** The runs every crash test is made of: a reference run, a crashed run, and the restart that judges it. */
final class CrashRuns {

    static final Set<String> BEFORE_STATES = Set.of("ROLLED_BACK", "FAILED");
    private static final Duration JOB = Duration.ofMinutes(2);

    private CrashRuns() {
    }

    /**
     * What a job does when nothing crashes: the worlds before and after it, its steps and how long it took; on H2
     * also a copy of the stopped server before the job, so a case starts from a copy instead of preparing again.
     */
    record Reference(CrashWorld before, CrashWorld after, List<String> steps, long jobMillis,
                     Optional<Path> template) {
    }

    /** Runs the scenario's job to its end on a fresh case. */
    static Reference reference(CrashScenario scenario, CrashCase c) {
        CrashWorld before;
        try (CrashAgent a = CrashAgent.start(c, Optional.empty())) {
            scenario.prepare(a);
            CrashWorld.Live live = CrashWorld.live(a);
            a.stop();
            before = CrashWorld.of(live, c);
        }
        Optional<Path> template = Optional.empty();
        if (!c.db().isPostgres()) {
            // a PostgreSQL database cannot be copied: addon role names carry the database's name
            template = Optional.of(c.dataDir().resolveSibling("template"));
            copyTree(c.dataDir(), template.get());
        }
        try (CrashAgent a = CrashAgent.start(c, Optional.empty())) {
            long t0 = System.nanoTime();
            JsonNode job = a.awaitJob(scenario.submit(a));
            long millis = (System.nanoTime() - t0) / 1_000_000;
            assertThat(job.path("state").asText()).as("the reference %s: %s", scenario, job).isEqualTo("SUCCEEDED");
            List<String> steps = new ArrayList<>();
            job.path("steps").forEach(s -> steps.add(s.path("name").asText()));
            CrashWorld.Live live = CrashWorld.live(a);
            a.stop();
            return new Reference(before, CrashWorld.of(live, c), List.copyOf(steps), millis, template);
        }
    }

    /** Copies a stopped server's data dir (its H2 file included). */
    static void copyTree(Path from, Path to) {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + from + " to " + to, e);
        }
    }

    /**
     * Waits until the halt switch kills the agent.
     *
     * @return the exit code
     * @throws AssertionError when the job ends without halting
     */
    static int awaitHalt(CrashAgent a, Optional<String> jobId, String point) {
        long deadline = System.nanoTime() + JOB.toNanos();
        long nextLook = 0;
        while (a.alive() && System.nanoTime() < deadline) {
            if (jobId.isPresent() && System.nanoTime() > nextLook) {
                nextLook = System.nanoTime() + 200_000_000L;
                try {
                    JsonNode job = a.job(jobId.get());
                    String state = job.path("state").asText();
                    if (state.equals("SUCCEEDED") || state.equals("FAILED") || state.equals("ROLLED_BACK")) {
                        throw new AssertionError("the job ended " + state + " without halting at " + point + ": "
                                + job);
                    }
                } catch (UncheckedIOException dying) {
                    // the process is going down: the loop ends with it
                }
            }
            CrashAgent.sleep(10);
        }
        return a.awaitDeath(Duration.ofSeconds(30));
    }

    /**
     * Starts the agent again without any switch on the crashed case and judges it: the job reads ROLLED_BACK
     * (or FAILED: nothing had changed) and the world is exactly {@code before}, or it reads SUCCEEDED and the world
     * is exactly {@code after}; no job is left RUNNING.
     *
     * @return the state the job ended in
     */
    static String recoverAndJudge(CrashCase c, String jobId, CrashWorld before, CrashWorld after, String label) {
        return recoverAndJudge(c, Optional.of(jobId), 0, before, after, label).path("state").asText();
    }

    /**
     * As above, for a job whose id may be unknown: the process can halt (at {@code resolve:before}) before the 202
     * that carries it is written; it is then the job after the {@code known} ones (the history is newest first).
     *
     * @return the job as the restarted agent shows it
     */
    static JsonNode recoverAndJudge(CrashCase c, Optional<String> jobId, int known, CrashWorld before,
                                  CrashWorld after, String label) {
        String state;
        CrashWorld.Live live;
        String jobs;
        JsonNode job;
        try (CrashAgent a = CrashAgent.start(c, Optional.empty())) {
            if (jobId.isPresent()) {
                job = a.job(jobId.get());
            } else {
                JsonNode all = CrashAgent.json(a.get("/agent/v1/jobs").body());
                assertThat(all.size()).as("%s: the submitted job is journaled: %s", label, all)
                        .isEqualTo(known + 1);
                job = all.get(0);
            }
            state = job.path("state").asText();
            jobs = a.get("/agent/v1/jobs").body();
            live = CrashWorld.live(a);
            // nothing runs now and every change is committed: a kill is as good as a clean stop, and quicker
            a.kill();
            assertThat(state).as("%s: the job after the restart: %s%nevery job: %s%nagent:%n%s", label, job,
                    jobs, a.output()).isIn("ROLLED_BACK", "FAILED", "SUCCEEDED");
        }
        assertThat(jobs).as("%s: no job is left running after recovery", label).doesNotContain("\"RUNNING\"");
        CrashWorld now = CrashWorld.of(live, c);
        boolean forward = state.equals("SUCCEEDED");
        List<String> differences = now.differences(forward ? after : before);
        assertThat(differences).as("%s: the job reads %s, so the server must be exactly as %s the job;"
                + " it differs in", label, state, forward ? "after" : "before").isEmpty();
        return job;
    }

    /**
     * Requires a job that recovery undid to show the halt where the switch named it: for {@code before} and
     * {@code mid} the interrupted step is the {@code occurrence}-th step named {@code step}, for {@code after} that
     * step is the last one that ran; either way every later step is still PENDING. So {@code migrate#2:mid} is
     * proven to stop in the second addon's migration, not the first.
     *
     * @param haltAt {@code action:step[#n]:point}
     * @param plan the job's step names in order, from the reference run ({@code resolve} first)
     */
    static void requireStoppedAt(CrashCase c, JsonNode job, String haltAt, List<String> plan, String label) {
        String[] parts = haltAt.split(":");
        String[] step = parts[1].split("#");
        int occurrence = step.length > 1 ? Integer.parseInt(step[1]) : 1;
        int index = -1;
        for (int i = 0, seen = 0; i < plan.size() && index < 0; i++) {
            if (plan.get(i).equals(step[0]) && ++seen == occurrence) {
                index = i;
            }
        }
        assertThat(index).as("%s: the plan %s has a step %s", label, plan, parts[1]).isNotNegative();
        List<String> names = new ArrayList<>();
        List<String> states = new ArrayList<>();
        job.path("steps").forEach(s -> {
            names.add(s.path("name").asText());
            states.add(s.path("state").asText() + (s.path("message").asText().startsWith("interrupted")
                    ? " interrupted" : ""));
        });
        int last = -1;
        for (int i = 0; i < states.size(); i++) {
            if (!states.get(i).equals("PENDING")) {
                last = i;
            }
        }
        String shown = names + " " + states;
        assertThat(last).as("%s: the last step that started is the named one: %s", label, shown).isEqualTo(index);
        assertThat(names.get(index)).as("%s: %s", label, shown).isEqualTo(step[0]);
        boolean interrupted = states.get(index).endsWith(" interrupted");
        assertThat(interrupted).as("%s: the step reads interrupted exactly when the halt was inside it (%s): %s",
                label, parts[2], shown).isEqualTo(!parts[2].equals("after"));
    }
}
