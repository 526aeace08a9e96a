package com.nextpanel.addons.console.common;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * A piece of work with its callbacks, in JabRef's style:
 * {@code BackgroundTask.wrap(() -> api.addons()).onSuccess(rows::setAll).onFailure(errors::show).executeWith(executor)}.
 * The work runs off the UI thread; every callback runs on it.
 */
public final class BackgroundTask<T> {

    private final Callable<T> work;
    private Runnable onRunning = () -> { };
    private Consumer<T> onSuccess = value -> { };
    private Consumer<Exception> onFailure = error -> { };
    private Runnable onFinished = () -> { };

    private BackgroundTask(Callable<T> work) {
        this.work = Objects.requireNonNull(work, "work");
    }

    public static <T> BackgroundTask<T> wrap(Callable<T> work) {
        return new BackgroundTask<>(work);
    }

    public static BackgroundTask<Void> wrap(Runnable work) {
        return new BackgroundTask<>(() -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<T> onRunning(Runnable r) {
        this.onRunning = Objects.requireNonNull(r);
        return this;
    }

    public BackgroundTask<T> onSuccess(Consumer<T> c) {
        this.onSuccess = Objects.requireNonNull(c);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<Exception> c) {
        this.onFailure = Objects.requireNonNull(c);
        return this;
    }

    /** Runs after success or failure. */
    public BackgroundTask<T> onFinished(Runnable r) {
        this.onFinished = Objects.requireNonNull(r);
        return this;
    }

    public void executeWith(TaskExecutor executor) {
        executor.execute(this);
    }

    T call() throws Exception {
        return work.call();
    }

    void running() {
        onRunning.run();
    }

    void succeeded(T value) {
        try {
            onSuccess.accept(value);
        } finally {
            onFinished.run();
        }
    }

    void failed(Exception e) {
        try {
            onFailure.accept(e);
        } finally {
            onFinished.run();
        }
    }
}
