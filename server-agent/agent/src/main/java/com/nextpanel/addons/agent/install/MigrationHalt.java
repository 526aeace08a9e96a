package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.JobAction;

/** Which job action is migrating now, so the test-only {@code migrate:mid} halt can match it. */
final class MigrationHalt {

    private static volatile JobAction current = JobAction.INSTALL;

    private MigrationHalt() {
    }

    static JobAction currentAction() {
        return current;
    }

    static void set(JobAction action) {
        current = action;
    }
}
