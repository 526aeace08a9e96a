package com.nextpanel.addons.spi;

/** The HTTP methods an addon route can answer. */
public enum HttpMethod {
    GET, POST, PUT, DELETE
}
