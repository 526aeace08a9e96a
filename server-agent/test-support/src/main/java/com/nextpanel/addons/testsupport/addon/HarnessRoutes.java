package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.RouteHandler;
import com.nextpanel.addons.spi.RouteRegistry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The harness's route table, checking registrations as the SPI documents: under a declared prefix, well-formed
 * pattern, no duplicates, and only while {@code start} runs.
 */
final class HarnessRoutes implements RouteRegistry {

    private static final Pattern PARAM = Pattern.compile("\\{[A-Za-z][A-Za-z0-9_]*}");

    /** One registered route. */
    record Route(HttpMethod method, String pattern, List<String> segments, RouteHandler handler) {

        /** @return the path parameters when {@code pathSegments} matches this route */
        Optional<Map<String, String>> match(List<String> pathSegments) {
            if (pathSegments.size() != segments.size()) {
                return Optional.empty();
            }
            Map<String, String> params = new HashMap<>();
            for (int i = 0; i < segments.size(); i++) {
                String segment = segments.get(i);
                if (segment.startsWith("{")) {
                    params.put(segment.substring(1, segment.length() - 1), pathSegments.get(i));
                } else if (!segment.equals(pathSegments.get(i))) {
                    return Optional.empty();
                }
            }
            return Optional.of(params);
        }

        /** Literal segments before parameters: {@code /a/export} wins over {@code /a/{id}}. */
        String specificity() {
            StringBuilder key = new StringBuilder();
            segments.forEach(s -> key.append(s.startsWith("{") ? '1' : '0'));
            return key.toString();
        }
    }

    private final List<String> prefixes;
    private final List<Route> routes = new ArrayList<>();
    private final Set<String> shapes = new HashSet<>();
    private boolean open = true;

    HarnessRoutes(List<String> prefixes) {
        this.prefixes = List.copyOf(prefixes);
    }

    @Override
    public synchronized void add(HttpMethod method, String path, RouteHandler handler) {
        if (!open) {
            throw new IllegalStateException("routes can be added only during start: " + method + " " + path);
        }
        if (method == null || path == null || handler == null) {
            throw new IllegalArgumentException("method, path and handler are required");
        }
        if (prefixes.stream().noneMatch(p -> path.equals(p) || path.startsWith(p + "/"))) {
            throw new IllegalArgumentException("route " + path + " lies outside the declared prefixes " + prefixes);
        }
        List<String> segments = segments(path);
        Set<String> names = new HashSet<>();
        for (String segment : segments) {
            boolean param = PARAM.matcher(segment).matches();
            if (param && !names.add(segment)) {
                throw new IllegalArgumentException("route " + path + " names parameter " + segment + " twice");
            }
            if (!param && (segment.isEmpty() || segment.contains("{") || segment.contains("}"))) {
                throw new IllegalArgumentException("malformed route pattern " + path);
            }
        }
        String shape = method + " " + path.replaceAll("\\{[^}]*}", "{}");
        if (!shapes.add(shape)) {
            throw new IllegalArgumentException("duplicate route " + method + " " + path);
        }
        routes.add(new Route(method, path, segments, handler));
    }

    void close() {
        open = false;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /** @return the most specific route for the path, of any method */
    List<Route> matching(String path) {
        List<String> pathSegments = segments(path);
        return routes.stream().filter(r -> r.match(pathSegments).isPresent())
                .sorted((a, b) -> a.specificity().compareTo(b.specificity())).toList();
    }

    static List<String> segments(String path) {
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        return Arrays.asList(path.substring(1).split("/", -1));
    }
}
