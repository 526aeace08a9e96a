package com.nextpanel.addons.spi;

/**
 * Registers an addon's routes. A path is the full request path, e.g.
 * {@code /api/v1/chat/sessions/{id}/messages}; segments in braces are path parameters. Every path must lie
 * under one of the route prefixes the manifest declares in {@code routes}, or registration fails with an
 * {@link IllegalArgumentException}. Routes take effect together, atomically, once {@link Addon#start} returns.
 */
public interface RouteRegistry {

    /**
     * @param method the HTTP method
     * @param path the full path pattern
     * @param handler what answers it
     * @throws IllegalArgumentException for a path outside the declared prefixes, a malformed pattern or a duplicate
     */
    void add(HttpMethod method, String path, RouteHandler handler);

    /** Registers a GET route; see {@link #add}. */
    default void get(String path, RouteHandler handler) {
        add(HttpMethod.GET, path, handler);
    }

    /** Registers a POST route; see {@link #add}. */
    default void post(String path, RouteHandler handler) {
        add(HttpMethod.POST, path, handler);
    }

    /** Registers a PUT route; see {@link #add}. */
    default void put(String path, RouteHandler handler) {
        add(HttpMethod.PUT, path, handler);
    }

    /** Registers a DELETE route; see {@link #add}. */
    default void delete(String path, RouteHandler handler) {
        add(HttpMethod.DELETE, path, handler);
    }
}
