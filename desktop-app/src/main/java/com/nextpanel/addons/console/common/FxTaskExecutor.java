package com.nextpanel.addons.console.common;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.application.Platform;

/** Runs tasks on a pool of daemon threads (closing the window never waits for them) and calls back on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private final AtomicInteger count = new AtomicInteger();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "console-task-" + count.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    @Override
    public <T> void execute(BackgroundTask<T> task) {
        if (pool.isShutdown()) {
            // the console is closing: a late callback (a job that just finished) starts nothing, and fails nothing
            return;
        }
        runOnUi(task::running);
        pool.execute(() -> {
            try {
                T value = task.call();
                Platform.runLater(() -> task.succeeded(value));
            } catch (Exception e) {
                Platform.runLater(() -> task.failed(e));
            }
        });
    }

    @Override
    public void runOnUi(Runnable action) {
        if (Platform.isFxApplicationThread()) {
            action.run();
        } else {
            Platform.runLater(action);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
