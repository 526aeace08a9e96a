package com.nextpanel.addons.agent.jobs;

/** A live subscription to a job's events; closing it stops delivery. Idempotent. */
public interface Subscription extends AutoCloseable {

    @Override
    void close();
}
