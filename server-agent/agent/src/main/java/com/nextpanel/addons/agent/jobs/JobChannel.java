package com.nextpanel.addons.agent.jobs;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * The events of one running job: kept while it runs so a late subscriber gets them replayed, dropped when it
 * ends (a finished job's events are rebuilt from the journal). Each subscriber gets its own delivery thread,
 * so a slow listener (an SSE client on a bad network) never holds up the job.
 */
final class JobChannel {

    private final List<JobEvent> history = new ArrayList<>();
    private final List<Delivery> deliveries = new ArrayList<>();
    private boolean ended;

    synchronized void publish(JobEvent event) {
        if (ended) {
            return;
        }
        history.add(event);
        deliveries.forEach(d -> d.offer(event));
        if (event.type() == JobEvent.Type.END) {
            ended = true;
            deliveries.clear();
        }
    }

    /** @return the subscription, or empty when the job already ended (then replay from the journal) */
    synchronized java.util.Optional<Subscription> subscribe(String jobId, Consumer<JobEvent> listener) {
        if (ended) {
            return java.util.Optional.empty();
        }
        Delivery d = new Delivery(jobId, listener);
        history.forEach(d::offer);
        deliveries.add(d);
        d.start();
        return java.util.Optional.of(() -> {
            synchronized (JobChannel.this) {
                deliveries.remove(d);
            }
            d.cancel();
        });
    }

    /** Replays {@code events} to {@code listener} on its own thread, ending after the END event. */
    static Subscription replay(String jobId, List<JobEvent> events, Consumer<JobEvent> listener) {
        Delivery d = new Delivery(jobId, listener);
        events.forEach(d::offer);
        d.start();
        return d::cancel;
    }

    /** A queue and a daemon thread per subscriber. */
    private static final class Delivery {
        private static final JobEvent CANCEL = JobEvent.log("", null, "cancel");
        private final LinkedBlockingQueue<JobEvent> queue = new LinkedBlockingQueue<>();
        private final Thread thread;

        Delivery(String jobId, Consumer<JobEvent> listener) {
            this.thread = new Thread(() -> deliver(listener), "job-events-" + jobId);
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        void offer(JobEvent e) {
            queue.add(e);
        }

        void cancel() {
            queue.add(CANCEL);
        }

        private void deliver(Consumer<JobEvent> listener) {
            try {
                while (true) {
                    JobEvent e = queue.take();
                    if (e == CANCEL) {
                        return;
                    }
                    try {
                        listener.accept(e);
                    } catch (RuntimeException ex) {
                        return; // the subscriber went away (closed stream); stop delivering to it
                    }
                    if (e.type() == JobEvent.Type.END) {
                        return;
                    }
                }
            } catch (InterruptedException ie) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
