package com.nextpanel.addons.agent.jobs;

import java.util.Locale;
import java.util.Optional;

/**
 * FOR TESTS ONLY: kills the JVM at a named point of a job, to prove that recovery leaves the server exactly as
 * before or exactly as after the job. Off unless the system property {@value #PROPERTY} is set; never set it in
 * production.
 *
 * <p>Syntax: {@code -Dnextpanel.test.haltAt=<action>:<step>:<point>}, where {@code action} is a
 * {@link JobAction} name in lower case ({@code install}, {@code update}, {@code uninstall}, {@code disable},
 * {@code enable}, {@code backup}, {@code restore}) or {@code *} for any, {@code step} a step name
 * ({@code resolve}, {@code download}, {@code stage}, {@code backup}, {@code migrate}, {@code activate},
 * {@code commit}, {@code deactivate}, {@code drop}, {@code delete}, ...), and {@code point} one of
 * {@code before} (the step is journaled RUNNING, nothing changed yet), {@code after} (it ran and is journaled
 * SUCCEEDED) or {@code mid} (inside the step, where the step offers a midpoint: {@code migrate:mid} halts after
 * the first migration of the addon has been applied and before the next one).
 * Example: {@code -Dnextpanel.test.haltAt=install:migrate:mid}. The process exits with status 137, as after
 * {@code kill -9}.
 */
public final class HaltSwitch {

    public static final String PROPERTY = "nextpanel.test.haltAt";

    private HaltSwitch() {
    }

    /** @return whether the switch is set to {@code step:point} for some action (to prepare a midpoint) */
    public static boolean armedAt(String step, String point) {
        String spec = System.getProperty(PROPERTY);
        return spec != null && spec.trim().toLowerCase(Locale.ROOT).endsWith(":" + step + ":" + point);
    }

    /** Halts the JVM with status 137 if the switch names exactly this point; otherwise returns at once. */
    public static void check(JobAction action, String step, String point) {
        Optional<String> spec = Optional.ofNullable(System.getProperty(PROPERTY)).map(String::trim)
                .filter(s -> !s.isEmpty());
        if (spec.isEmpty()) {
            return;
        }
        String[] parts = spec.get().toLowerCase(Locale.ROOT).split(":");
        if (parts.length != 3) {
            return;
        }
        boolean actionMatches = parts[0].equals("*") || parts[0].equals(action.name().toLowerCase(Locale.ROOT));
        if (actionMatches && parts[1].equals(step) && parts[2].equals(point)) {
            System.err.println("HALT (test switch " + PROPERTY + "=" + spec.get() + ")");
            System.err.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
