package com.nextpanel.addons.catalog.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * A download that must finish within a deadline (slow-retrieval protection): when the time is up the stream
 * is closed under the reader, which unblocks a waiting read, and every read fails naming the file.
 */
final class DeadlineInputStream extends FilterInputStream {

    private static final ScheduledExecutorService TIMER = timer();

    private final String where;
    private final Duration deadline;
    private final ScheduledFuture<?> alarm;
    private volatile boolean expired;

    DeadlineInputStream(InputStream in, Duration deadline, String where) {
        super(in);
        this.where = where;
        this.deadline = deadline;
        this.alarm = TIMER.schedule(this::expire, deadline.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void expire() {
        expired = true;
        try {
            in.close();
        } catch (IOException ignored) {
            // closing only unblocks the reader; the reader reports the deadline
        }
    }

    private void check() throws IOException {
        if (expired) {
            throw new IOException(where + " did not arrive within " + deadline.toSeconds() + " s (slow retrieval)");
        }
    }

    @Override
    public int read() throws IOException {
        check();
        try {
            int b = in.read();
            check();
            return b;
        } catch (IOException e) {
            check();
            throw e;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        check();
        try {
            int n = in.read(b, off, len);
            check();
            return n;
        } catch (IOException e) {
            check();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        alarm.cancel(false);
        in.close();
    }

    private static ScheduledExecutorService timer() {
        ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = Executors.defaultThreadFactory().newThread(r);
            t.setName("catalog-download-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
