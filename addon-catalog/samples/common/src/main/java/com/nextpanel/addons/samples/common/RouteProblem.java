package com.nextpanel.addons.samples.common;

/**
 * An expected problem with a request, thrown from a handler and answered by {@link GuardedRoutes} as
 * {@code {"error","message"}} with its status.
 */
public final class RouteProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String error;

    private RouteProblem(int status, String error, String message) {
        super(message);
        this.status = status;
        this.error = error;
    }

    /**
     * @param status an error status, e.g. one relayed from a dependency
     * @return a problem with that status
     */
    public static RouteProblem of(int status, String error, String message) {
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("not an error status: " + status);
        }
        return new RouteProblem(status, error, message);
    }

    /** @return a 503 problem: something the route needs is not there */
    public static RouteProblem unavailable(String message) {
        return new RouteProblem(503, "unavailable", message);
    }

    /** @return a 404 problem */
    public static RouteProblem notFound(String message) {
        return new RouteProblem(404, "not_found", message);
    }

    /** @return a 409 problem */
    public static RouteProblem conflict(String message) {
        return new RouteProblem(409, "conflict", message);
    }

    /** @return a 400 problem */
    public static RouteProblem badRequest(String message) {
        return new RouteProblem(400, "bad_request", message);
    }

    public int status() {
        return status;
    }

    public String error() {
        return error;
    }
}
