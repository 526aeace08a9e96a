package com.nextpanel.addons.agent.api;

/**
 * Answers one route. Runs on a server thread and may block (database, jobs). Throwing an
 * {@link com.nextpanel.addons.agent.AgentException} answers its status and {@code {"error","message"}};
 * any other exception answers 500 and is logged.
 */
@FunctionalInterface
public interface Endpoint {

    void handle(Exchange exchange) throws Exception;
}
