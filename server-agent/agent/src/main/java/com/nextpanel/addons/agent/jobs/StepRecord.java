package com.nextpanel.addons.agent.jobs;

import java.util.Map;

/** A row of {@code agent.job_steps}. */
record StepRecord(String phase, int stepNo, String name, String kind, Map<String, String> record, StepState state,
                  String message, long durationMillis) {

    static final String FORWARD = "forward";
    static final String ROLLBACK = "rollback";

    StepView view() {
        return new StepView(name, state, message, durationMillis);
    }
}
