package com.nextpanel.addons.agent.jobs;

/** What a running step may use: its job's identity, and the job's live event stream. */
public interface StepContext {

    String jobId();

    JobAction action();

    /** @return true while the agent recovers at start: nothing is loaded in memory yet, only files and rows */
    boolean recovering();

    /** Reports progress within the step, 0–100. */
    void progress(int percent, String message);

    /** Adds a line to the job's log. */
    void log(String message);
}
