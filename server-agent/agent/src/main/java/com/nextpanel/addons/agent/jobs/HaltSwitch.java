package com.nextpanel.addons.agent.jobs;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * FOR TESTS ONLY: kills the JVM at a named point of a job, to prove that recovery leaves the server exactly as
 * before or exactly as after the job. Off unless the system property {@value #PROPERTY} is set; never set it in
 * production.
 *
 * <p>Syntax: {@code -Dnextpanel.test.haltAt=<action>:<step>[#<n>]:<point>}, where {@code action} is a
 * {@link JobAction} name in lower case ({@code install}, {@code update}, {@code uninstall}, {@code disable},
 * {@code enable}, {@code backup}, {@code restore}) or {@code *} for any, {@code step} a step name
 * ({@code resolve}, {@code download}, {@code stage}, {@code backup}, {@code migrate}, {@code activate},
 * {@code commit}, {@code deactivate}, {@code drop}, {@code delete}, ...), {@code n} which step of that name in the
 * job (1 for the first, the default: a plan may repeat a name, e.g. an install with a dependency has a
 * {@code migrate} per addon, so {@code install:migrate#2:mid} is the second addon's), and {@code point} one of
 * {@code before} (the step is journaled RUNNING, nothing changed yet), {@code after} (it ran and is journaled
 * SUCCEEDED) or {@code mid} (inside the step, where the step offers a midpoint: {@code migrate:mid} halts after
 * the first migration of the addon has been applied and before the next one; {@code restore:mid} halts in a
 * restore's data step, for a full backup after the database's content was dropped and before the backup's is
 * loaded, for an addon's after its schema is back and before its files).
 * Occurrences are counted within one job of the named action: each job starts counting again at its
 * {@code resolve} step. Examples: {@code -Dnextpanel.test.haltAt=install:migrate:mid} (the same as
 * {@code install:migrate#1:mid}), {@code install:activate#2:after}. The process exits with status 137, as after
 * {@code kill -9}. A value that does not follow the syntax fails the job that reaches the first check, naming it.
 */
public final class HaltSwitch {

    public static final String PROPERTY = "nextpanel.test.haltAt";

    private static final Pattern SYNTAX = Pattern.compile("([a-z_*]+):([a-z0-9_.-]+)(?:#([1-9][0-9]{0,3}))?:([a-z]+)");
    private static final Set<String> POINTS = Set.of("before", "after", "mid");
    private static final Counter COUNTER = new Counter();

    private HaltSwitch() {
    }

    /** A parsed switch value: halt at the {@code occurrence}-th step named {@code step} of an {@code action} job. */
    record Spec(String action, String step, int occurrence, String point) {

        /**
         * @return the spec, or empty when {@code text} is blank
         * @throws IllegalArgumentException naming the value and the syntax when it is not one
         */
        static Optional<Spec> parse(String text) {
            if (text == null || text.isBlank()) {
                return Optional.empty();
            }
            Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
            boolean actionKnown = m.matches() && (m.group(1).equals("*") || java.util.Arrays.stream(JobAction.values())
                    .anyMatch(a -> a.name().equalsIgnoreCase(m.group(1))));
            if (!actionKnown || !POINTS.contains(m.group(4))) {
                throw new IllegalArgumentException("-D" + PROPERTY + "=" + text + " is not <action>:<step>[#n]:"
                        + "<before|after|mid> with action one of " + java.util.Arrays.toString(JobAction.values())
                        .toLowerCase(Locale.ROOT) + " or *, e.g. install:migrate#2:mid");
            }
            return Optional.of(new Spec(m.group(1), m.group(2), m.group(3) == null ? 1 : Integer.parseInt(m.group(3)),
                    m.group(4)));
        }

        boolean names(JobAction jobAction, String stepName, String at) {
            return (action.equals("*") || action.equals(jobAction.name().toLowerCase(Locale.ROOT)))
                    && step.equals(stepName) && point.equals(at);
        }
    }

    /** Counts, per step name and point, how often the running job has reached a point the spec names. */
    static final class Counter {

        private final Map<String, Integer> seen = new HashMap<>();

        /** @return whether this call is the point {@code spec} names (its n-th occurrence in the job) */
        synchronized boolean reached(Spec spec, JobAction action, String step, String point) {
            if (step.equals(ResolveStep.KIND) && point.equals("before")) {
                seen.clear(); // a new job: every job passes resolve:before first, one job at a time
            }
            if (!spec.names(action, step, point)) {
                return false;
            }
            return seen.merge(step + ":" + point, 1, Integer::sum) == spec.occurrence();
        }
    }

    private static Optional<Spec> spec() {
        return Spec.parse(System.getProperty(PROPERTY));
    }

    /**
     * @return whether the switch is set to some occurrence of {@code step:point}, for any action (so a step can
     *         prepare a midpoint; {@link #check} still decides whether this is the one)
     */
    public static boolean armedAt(String step, String point) {
        return spec().filter(s -> s.step().equals(step) && s.point().equals(point)).isPresent();
    }

    /** Halts the JVM with status 137 if the switch names exactly this point; otherwise returns at once. */
    public static void check(JobAction action, String step, String point) {
        Optional<Spec> spec = spec();
        if (spec.isPresent() && COUNTER.reached(spec.get(), action, step, point)) {
            System.err.println("HALT (test switch " + PROPERTY + "=" + System.getProperty(PROPERTY).trim() + ")");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
