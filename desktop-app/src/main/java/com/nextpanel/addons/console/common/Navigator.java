package com.nextpanel.addons.console.common;

/** Lets view models move the user to another page (the main window implements it). */
public interface Navigator {

    /** Shows the Jobs page with this job selected. */
    void showJob(String jobId);

    /** A navigator that goes nowhere, for tests. */
    static Navigator none() {
        return jobId -> { };
    }
}
