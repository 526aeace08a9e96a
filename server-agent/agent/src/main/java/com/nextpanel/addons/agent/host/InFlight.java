package com.nextpanel.addons.agent.host;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Counts one addon's requests in progress so that deactivation can wait for them before {@code stop()}.
 *
 * <p>Hand-written rather than a {@link java.util.concurrent.Phaser}: it needs a one-way "closing" switch that
 * refuses new requests, and the hot path must stay two atomic operations. {@link #enter} increments and then reads
 * {@code closing}; {@link #drain} sets {@code closing} and then reads the count; both are sequentially consistent,
 * so either the request sees the switch (and backs out) or the drain sees the request (and waits for it).
 */
final class InFlight {

    private final AtomicInteger count = new AtomicInteger();
    private volatile boolean closing;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();

    /** @return whether the request may run; {@code false} once draining started */
    boolean enter() {
        count.incrementAndGet();
        if (closing) {
            exit();
            return false;
        }
        return true;
    }

    /** Ends a request that {@link #enter} admitted. */
    void exit() {
        if (count.decrementAndGet() == 0 && closing) {
            lock.lock();
            try {
                idle.signalAll();
            } finally {
                lock.unlock();
            }
        }
    }

    /** @return requests in progress now */
    int current() {
        return count.get();
    }

    /**
     * Refuses new requests and waits until the running ones end, at most {@code timeout}.
     *
     * @return whether every request ended in time
     */
    boolean drain(Duration timeout) throws InterruptedException {
        closing = true;
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (count.get() > 0) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    return false;
                }
                // exit() signals under the lock, so no wake-up is lost; slices only re-read the deadline
                idle.awaitNanos(Math.min(remaining, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return true;
        } finally {
            lock.unlock();
        }
    }
}
