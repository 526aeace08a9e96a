package com.nextpanel.addons.agent.jobs;

/**
 * Where a job stands. Transitions: {@code QUEUED → RUNNING → SUCCEEDED | FAILED | ROLLED_BACK}; nothing else.
 * {@code FAILED} means the job failed before it changed anything; {@code ROLLED_BACK} means it failed after it
 * changed something and every change was undone. A job never stays {@code RUNNING} across a restart: recovery
 * finishes it first.
 */
public enum JobState {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED,
    ROLLED_BACK;

    /** @return whether the job has ended and will not change again */
    public boolean isFinal() {
        return this == SUCCEEDED || this == FAILED || this == ROLLED_BACK;
    }
}
