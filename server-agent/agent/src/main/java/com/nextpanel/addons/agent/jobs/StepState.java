package com.nextpanel.addons.agent.jobs;

/**
 * Where one step stands. Forward steps go {@code PENDING → RUNNING → SUCCEEDED | FAILED}; a step that a rollback
 * undid reads {@code UNDONE}. A job's whole plan is journaled as {@code PENDING} steps once it is resolved, so
 * the console can show what is still to come. Entries of a job's {@code rollback} list read {@code SUCCEEDED}
 * (the undo, or the roll-forward at recovery, worked) or {@code FAILED} (it did not; its message says why).
 */
public enum StepState {
    PENDING,
    RUNNING,
    SUCCEEDED,
    FAILED,
    UNDONE
}
