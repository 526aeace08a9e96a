package com.nextpanel.addons.agent.jobs;

import java.util.Objects;

/**
 * One step of a job as the API shows it.
 *
 * @param name the step, e.g. {@code resolve}, {@code download}, {@code stage}, {@code backup}, {@code migrate},
 *             {@code activate}, {@code commit}; in a job's {@code rollback} list the name of the step undone
 * @param state where it stands
 * @param message what it did or why it failed; never null, may be empty
 * @param durationMillis how long it ran (0 while running)
 */
public record StepView(String name, StepState state, String message, long durationMillis) {

    public StepView {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(message, "message");
    }
}
