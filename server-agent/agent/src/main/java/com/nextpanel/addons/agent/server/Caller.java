package com.nextpanel.addons.agent.server;

import java.util.Optional;
import org.eclipse.jetty.server.Request;

/**
 * Who sent an authenticated request: the name and role of the token it carried. Handlers find it with
 * {@link #of(Request)}.
 */
public record Caller(String tokenName, Role role) {

    static final String ATTRIBUTE = Caller.class.getName();

    /** @return the caller of an authenticated request; empty on the public health routes */
    public static Optional<Caller> of(Request request) {
        return Optional.ofNullable((Caller) request.getAttribute(ATTRIBUTE));
    }
}
