package com.nextpanel.addons.console.common;

/** Runs every task and callback at once on the calling thread: deterministic view-model tests. */
public final class CurrentThreadTaskExecutor implements TaskExecutor {

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        task.running();
        T value;
        try {
            value = task.call();
        } catch (Exception e) {
            task.failed(e);
            return;
        }
        task.succeeded(value);
    }

    @Override
    public void runOnUi(Runnable action) {
        action.run();
    }
}
