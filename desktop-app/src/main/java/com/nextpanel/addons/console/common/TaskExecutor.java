package com.nextpanel.addons.console.common;

/**
 * The one way the console runs work off the UI thread. {@link FxTaskExecutor} runs tasks on daemon
 * threads and calls back on the FX thread; {@link CurrentThreadTaskExecutor} runs everything at once on
 * the caller's thread, for view-model tests.
 */
public interface TaskExecutor {

    <T> void execute(BackgroundTask<T> task);

    /** Runs {@code action} on the UI thread (for callbacks that arrive on other threads, such as job events). */
    void runOnUi(Runnable action);
}
