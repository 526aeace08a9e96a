package com.nextpanel.addons.samples.common;

import com.nextpanel.addons.spi.AddonRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and checks the fields of a JSON request body and the path and query parameters; every refusal is a
 * {@link RouteProblem#badRequest} naming the field.
 */
public final class Input {

    private final Map<String, Object> body;

    private Input(Map<String, Object> body) {
        this.body = body;
    }

    /**
     * @param request a request with a JSON object body
     * @param allowed the field names the route accepts; any other is refused, so that a typo is not ignored
     */
    public static Input body(AddonRequest request, String... allowed) {
        Map<String, Object> body = request.jsonBody();
        Set<String> names = Set.of(allowed);
        for (String field : body.keySet()) {
            if (!names.contains(field)) {
                throw RouteProblem.badRequest("unknown field '" + field + "'; expected " + String.join(", ", allowed));
            }
        }
        return new Input(body);
    }

    /** @return the field's text, trimmed; refused when absent, blank, not a string or longer than maxLength */
    public String text(String field, int maxLength) {
        return optionalText(field, maxLength)
                .orElseThrow(() -> RouteProblem.badRequest("field '" + field + "' is required"));
    }

    /** @return the field's text, trimmed, when present and not blank */
    public Optional<String> optionalText(String field, int maxLength) {
        Object value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (!(value instanceof String text)) {
            throw RouteProblem.badRequest("field '" + field + "' must be a string");
        }
        String trimmed = text.strip();
        if (trimmed.length() > maxLength) {
            throw RouteProblem.badRequest("field '" + field + "' is longer than " + maxLength + " characters");
        }
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    /** @return the field as a positive whole number, when present */
    public Optional<Long> optionalId(String field) {
        Object value = body.get(field);
        if (value == null) {
            return Optional.empty();
        }
        if (value instanceof Long id && id > 0) {
            return Optional.of(id);
        }
        throw RouteProblem.badRequest("field '" + field + "' must be a positive whole number");
    }

    /** @return the field as a positive whole number */
    public long id(String field) {
        return optionalId(field).orElseThrow(() -> RouteProblem.badRequest("field '" + field + "' is required"));
    }

    /** @return the field as an object of string values (e.g. template variables), empty when absent */
    public Map<String, String> textMap(String field) {
        Object value = body.get(field);
        if (value == null) {
            return Map.of();
        }
        if (value instanceof Map<?, ?> map && map.values().stream().allMatch(v -> v instanceof String
                || v instanceof Number || v instanceof Boolean)) {
            java.util.LinkedHashMap<String, String> texts = new java.util.LinkedHashMap<>();
            map.forEach((k, v) -> texts.put((String) k, v.toString()));
            return texts;
        }
        throw RouteProblem.badRequest("field '" + field + "' must be an object of strings, numbers or booleans");
    }

    /** @return the path parameter as a positive whole number; refused otherwise */
    public static long pathId(AddonRequest request, String name) {
        String value = request.pathParam(name);
        try {
            long id = Long.parseLong(value);
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw RouteProblem.badRequest("path parameter '" + name + "' must be a positive whole number, not '"
                + value + "'");
    }

    /** @return the query parameter when present, refused unless it is one of {@code allowed} */
    public static Optional<String> choice(AddonRequest request, String name, List<String> allowed) {
        Optional<String> value = request.queryParam(name);
        if (value.isPresent() && !allowed.contains(value.get())) {
            throw RouteProblem.badRequest("query parameter '" + name + "' must be one of " + allowed);
        }
        return value;
    }

    /** @return the query parameter as a whole number between 1 and max, or the default when absent */
    public static int limit(AddonRequest request, int defaultLimit, int max) {
        Optional<String> value = request.queryParam("limit");
        if (value.isEmpty()) {
            return defaultLimit;
        }
        try {
            int limit = Integer.parseInt(value.get());
            if (limit >= 1 && limit <= max) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // refused below
        }
        throw RouteProblem.badRequest("query parameter 'limit' must be between 1 and " + max + ", not '"
                + value.get() + "'");
    }
}
