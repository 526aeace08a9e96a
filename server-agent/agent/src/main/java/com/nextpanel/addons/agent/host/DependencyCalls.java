package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HttpMethod;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Answers {@code AddonContext.callDependency}: an in-process call to a route of an addon the caller requires, through
 * the same table, in-flight count and classloader switch as an HTTP request, without a token.
 */
final class DependencyCalls {

    private final RouteDispatcher dispatcher;
    private final String caller;
    private final List<String> required;

    DependencyCalls(RouteDispatcher dispatcher, ActivationRequest caller) {
        this.dispatcher = dispatcher;
        this.caller = caller.id();
        this.required = caller.requiredAddons();
    }

    AddonResponse call(HttpMethod method, String target, String body) throws Exception {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(target, "target");
        int q = target.indexOf('?');
        String rawPath = q < 0 ? target : target.substring(0, q);
        if (!rawPath.startsWith(RoutePattern.API_ROOT)) {
            throw new IllegalArgumentException("addon " + caller + " called " + target + ", which is not under "
                    + RoutePattern.API_ROOT);
        }
        List<String> segments = AddonRoutesHandler.decodeSegments(rawPath);
        String path = "/" + String.join("/", segments);
        boolean underRequired = dispatcher.table().prefixOwners().entrySet().stream()
                .anyMatch(e -> required.contains(e.getValue())
                        && (path.equals(e.getKey()) || path.startsWith(e.getKey() + "/")));
        if (!underRequired) {
            throw new IllegalArgumentException("addon " + caller + " requires no active addon with a route prefix for "
                    + path + " (it requires " + required + ")");
        }
        Map<String, String> query = QueryString.parse(q < 0 ? "" : target.substring(q + 1));
        HttpAddonRequest request = new HttpAddonRequest(method, path, query,
                name -> "X-Addon-Caller".equalsIgnoreCase(name) ? caller : null, body == null ? "" : body);
        try {
            return dispatcher.dispatch(request, segments, owner -> required.contains(owner.addonId()));
        } catch (AgentException refused) {
            // an answer to the calling addon, not an HTTP response: in the SPI's {"error","message"} shape
            return AddonResponse.error(refused.code().httpStatus(), refused.code().code(), refused.getMessage());
        } catch (RouteDispatcher.RouteFailure failure) {
            if (failure.getCause() instanceof HttpAddonRequest.MalformedBodyException malformed) {
                return AddonResponse.badRequest(malformed.getMessage());
            }
            if (failure.getCause() instanceof Exception e) {
                throw e;
            }
            throw (Error) failure.getCause();
        }
    }
}
