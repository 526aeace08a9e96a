package com.nextpanel.addons.spi;

import java.util.Map;
import java.util.Optional;

/** One HTTP request to an addon route, already authenticated by the host. */
public interface AddonRequest {

    /** @return the request method */
    HttpMethod method();

    /** @return the request path, without the query string */
    String path();

    /**
     * @param name a parameter named in the route's pattern, e.g. {@code id} for {@code /sessions/{id}}
     * @return its decoded value
     * @throws IllegalArgumentException when the pattern names no such parameter
     */
    String pathParam(String name);

    /**
     * @param name a query parameter
     * @return its first value, if present
     */
    Optional<String> queryParam(String name);

    /**
     * @param name a header name, case-insensitive
     * @return its first value, if present
     */
    Optional<String> header(String name);

    /** @return the request body as UTF-8 text; empty when there is none */
    String body();

    /**
     * @return the body parsed as a JSON object (see {@link Json#parseObject})
     * @throws IllegalArgumentException when the body is not a JSON object; the host answers 400
     */
    default Map<String, Object> jsonBody() {
        return Json.parseObject(body());
    }
}
