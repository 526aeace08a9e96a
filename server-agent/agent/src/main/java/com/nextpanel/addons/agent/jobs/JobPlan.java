package com.nextpanel.addons.agent.jobs;

import java.util.List;

/**
 * What a job will do, decided by its {@code resolve} step before anything changes.
 *
 * @param steps the steps in order; at most one {@link CommitStep}; steps after it are finished forward
 * @param summary a one-line summary for the resolve step's message
 */
public record JobPlan(List<Step> steps, String summary) {

    public JobPlan {
        steps = List.copyOf(steps);
        if (steps.stream().filter(CommitStep.class::isInstance).count() > 1) {
            throw new IllegalArgumentException("a job has at most one commit step");
        }
    }
}
