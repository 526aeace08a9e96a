package com.nextpanel.addons.agent.jobs;

/**
 * Where one step stands. Forward steps go {@code RUNNING → SUCCEEDED | FAILED}; a completed step that a rollback
 * undid reads {@code UNDONE}. Entries of a job's {@code rollback} list read {@code SUCCEEDED} (the undo worked)
 * or {@code FAILED} (the undo itself failed; its message says why).
 */
public enum StepState {
    RUNNING,
    SUCCEEDED,
    FAILED,
    UNDONE
}
