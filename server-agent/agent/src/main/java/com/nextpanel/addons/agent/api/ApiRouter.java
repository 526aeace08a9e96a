package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.server.ErrorWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Dispatches requests to the routes of its {@link ApiResource}s by method and path template. A path no
 * route knows is left to the next handler (the addon routes); a known path with another method answers 405.
 * Every failure goes out through {@link ErrorWriter}.
 */
public final class ApiRouter extends Handler.Abstract {

    private static final Logger LOG = LoggerFactory.getLogger(ApiRouter.class);
    private final List<Route.Compiled> routes = new ArrayList<>();

    public ApiRouter(List<? extends ApiResource> resources) {
        super(InvocationType.BLOCKING);
        for (ApiResource resource : resources) {
            for (Route route : resource.routes()) {
                routes.add(new Route.Compiled(route));
            }
        }
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        String path = Request.getPathInContext(request);
        String method = request.getMethod();
        TreeSet<String> allowed = new TreeSet<>();
        for (Route.Compiled compiled : routes) {
            Optional<Map<String, String>> params = compiled.match(path);
            if (params.isEmpty()) {
                continue;
            }
            if (compiled.route().method().equals(method)) {
                run(compiled.route(), new Exchange(request, response, callback, params.get()));
                return true;
            }
            allowed.add(compiled.route().method());
        }
        if (allowed.isEmpty()) {
            return false;
        }
        response.getHeaders().put(HttpHeader.ALLOW, String.join(", ", allowed));
        if (request.getLength() != 0) {
            // the body is not read: do not let the client reuse a connection that may still carry it
            response.getHeaders().put(HttpHeader.CONNECTION, "close");
        }
        ErrorWriter.write(response, callback, 405, ErrorWriter.codeFor(405),
                method + " is not allowed on " + path + "; allowed: " + allowed, List.of());
        return true;
    }

    private static void run(Route route, Exchange exchange) {
        try {
            route.endpoint().handle(exchange);
            if (!exchange.answered()) {
                throw new IllegalStateException("endpoint of " + route.method() + " " + route.template()
                        + " did not answer");
            }
        } catch (AgentException e) {
            if (e.code() == ErrorCode.INTERNAL) {
                LOG.error("{} {} failed: {}", route.method(), route.template(), e.getMessage(), e);
            }
            ErrorWriter.write(exchange.response(), exchange.callback(), e);
        } catch (Exception e) {
            String incident = UUID.randomUUID().toString().substring(0, 8);
            LOG.error("{} {} failed (incident {})", route.method(), route.template(), incident, e);
            ErrorWriter.write(exchange.response(), exchange.callback(), new AgentException(ErrorCode.INTERNAL,
                    "internal error (incident " + incident + " in the agent's log)"));
        }
    }
}
