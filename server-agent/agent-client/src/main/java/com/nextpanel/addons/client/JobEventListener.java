package com.nextpanel.addons.client;

/**
 * Receives a job's events. Called on an OkHttp thread: hand work to your own thread (a console hands it
 * to the FX thread). After an {@code end} event, or {@link #onFailure}, nothing more is called.
 */
@FunctionalInterface
public interface JobEventListener {

    void onEvent(JobEvent event);

    /** The stream dropped and is being opened again; {@code attempt} counts from 1. */
    default void onReconnecting(int attempt, AgentClientException cause) {
    }

    /** The stream gave up: the token was rejected, the certificate changed, the job is unknown, or reconnects ran out. */
    default void onFailure(AgentClientException error) {
    }
}
