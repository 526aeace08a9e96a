package com.nextpanel.addons.agent.server;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * Bearer authentication in front of every route but the two health checks: 401 without a known token,
 * 403 when the token's role may not use the method. The {@link Caller} is left on the request.
 */
public final class AuthHandler extends Handler.Wrapper {

    /** The routes anyone may call. */
    public static final Set<String> PUBLIC_PATHS = Set.of("/agent/v1/health", "/api/v1/health");

    private final TokenStore tokens;

    public AuthHandler(TokenStore tokens, Handler next) {
        super(next);
        this.tokens = tokens;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) throws Exception {
        if (PUBLIC_PATHS.contains(Request.getPathInContext(request))) {
            return super.handle(request, response, callback);
        }
        Optional<Caller> caller = tokens.authenticate(request.getHeaders().get(HttpHeader.AUTHORIZATION));
        if (caller.isEmpty() || !caller.get().role().allows(request.getMethod())) {
            closeIfBodyUnread(request, response);
        }
        if (caller.isEmpty()) {
            boolean presented = request.getHeaders().contains(HttpHeader.AUTHORIZATION);
            response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"nextpanel-agent\"");
            ErrorWriter.write(response, callback, new AgentException(ErrorCode.UNAUTHORIZED, presented
                    ? "the bearer token is not valid" : "an 'Authorization: Bearer TOKEN' header is required"));
            return true;
        }
        if (!caller.get().role().allows(request.getMethod())) {
            ErrorWriter.write(response, callback, new AgentException(ErrorCode.FORBIDDEN, "the token '"
                    + caller.get().tokenName() + "' has role " + caller.get().role() + ", which may not "
                    + request.getMethod() + " " + Request.getPathInContext(request)));
            return true;
        }
        request.setAttribute(Caller.ATTRIBUTE, caller.get());
        return super.handle(request, response, callback);
    }

    /**
     * A refused request's body is never read; the connection cannot be reused safely once it may still be
     * arriving, so the answer says so and the client opens a new one instead of racing the close.
     */
    static void closeIfBodyUnread(Request request, Response response) {
        if (request.getLength() != 0) {
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
    }
}
