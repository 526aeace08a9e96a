package com.nextpanel.addons.client;

/** A running event stream; {@link #close()} stops it (the job on the server goes on). */
public interface EventSubscription extends AutoCloseable {

    /** @return true once the stream has ended (end event, failure or close) */
    boolean isDone();

    @Override
    void close();
}
