package com.nextpanel.addons.agent.host;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A route's path pattern, e.g. {@code /api/v1/chat/sessions/{id}/messages}: literal segments and {@code {name}}
 * parameters, each a whole segment. Two patterns are the same route when they differ only in parameter names.
 *
 * @param text the pattern as registered
 * @param segments its segments, a parameter as {@code {name}}
 */
public record RoutePattern(String text, List<String> segments) implements Comparable<RoutePattern> {

    static final String API_ROOT = "/api/v1/";
    private static final Pattern LITERAL = Pattern.compile("[A-Za-z0-9._~!$&'()*+,;=:@-]+");
    private static final Pattern PARAM = Pattern.compile("\\{[A-Za-z_][A-Za-z0-9_]*}");

    public RoutePattern {
        segments = List.copyOf(segments);
    }

    /**
     * @param text a pattern under {@code /api/v1/}
     * @return the parsed pattern
     * @throws IllegalArgumentException naming the pattern and what is wrong with it
     */
    public static RoutePattern parse(String text) {
        if (text == null || !text.startsWith(API_ROOT) || text.length() == API_ROOT.length()) {
            throw new IllegalArgumentException("route " + text + " must lie under " + API_ROOT);
        }
        List<String> segments = new ArrayList<>();
        Set<String> params = new HashSet<>();
        for (String segment : text.substring(1).split("/", -1)) {
            if (PARAM.matcher(segment).matches()) {
                if (!params.add(segment)) {
                    throw new IllegalArgumentException("route " + text + " names parameter " + segment + " twice");
                }
            } else if (!LITERAL.matcher(segment).matches()) {
                throw new IllegalArgumentException("route " + text + " has a malformed segment '" + segment
                        + "' (segments are literal text or {name})");
            }
            segments.add(segment);
        }
        return new RoutePattern(text, segments);
    }

    /** @return whether this pattern lies under {@code prefix} (equal to it, or below it by whole segments) */
    public boolean isUnder(String prefix) {
        return text.equals(prefix) || text.startsWith(prefix + "/");
    }

    /** @return the pattern with parameter names erased, to detect duplicates */
    String shape() {
        return String.join("/", segments.stream().map(s -> isParam(s) ? "{}" : s).toList());
    }

    /**
     * @param pathSegments a request path's decoded segments (without the empty one before the leading slash)
     * @return the path parameters when the path matches
     */
    Optional<Map<String, String>> match(List<String> pathSegments) {
        if (pathSegments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            String actual = pathSegments.get(i);
            if (isParam(segment)) {
                if (actual.isEmpty()) {
                    return Optional.empty();
                }
                params.put(segment.substring(1, segment.length() - 1), actual);
            } else if (!segment.equals(actual)) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static boolean isParam(String segment) {
        return segment.startsWith("{");
    }

    /** More specific first: at the first differing position a literal segment beats a parameter. */
    @Override
    public int compareTo(RoutePattern other) {
        int bySize = Integer.compare(segments.size(), other.segments.size());
        if (bySize != 0) {
            return bySize;
        }
        for (int i = 0; i < segments.size(); i++) {
            boolean mine = isParam(segments.get(i));
            boolean theirs = isParam(other.segments.get(i));
            if (mine != theirs) {
                return mine ? 1 : -1;
            }
        }
        return text.compareTo(other.text);
    }

    @Override
    public String toString() {
        return text;
    }
}
