package com.nextpanel.addons.spi;

/** Answers one HTTP request to an addon route. Called concurrently from many threads. */
@FunctionalInterface
public interface RouteHandler {

    /**
     * @param request the request, with its path parameters bound
     * @return the response to send
     * @throws Exception any failure: the host answers 500 with {@code {"error","message"}} and logs it
     */
    AddonResponse handle(AddonRequest request) throws Exception;
}
