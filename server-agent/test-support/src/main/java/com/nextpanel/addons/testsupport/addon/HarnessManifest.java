package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The few manifest fields the harness needs, read with the SPI's own {@link Json} (the harness must not depend
 * on the catalog's manifest model, which validates much more).
 */
record HarnessManifest(String id, String version, String entrypoint, List<String> routes, List<String> permissions,
        Set<String> requiredAddons) {

    static HarnessManifest read(Path file) {
        Map<String, Object> json;
        try {
            json = Json.parseObject(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
        return new HarnessManifest(text(json, "id", file), text(json, "version", file),
                text(json, "entrypoint", file), texts(json, "routes", file), texts(json, "permissions", file),
                requiredAddons(json, file));
    }

    private static Set<String> requiredAddons(Map<String, Object> json, Path file) {
        Object requires = json.getOrDefault("requires", Map.of());
        Object addons = requires instanceof Map<?, ?> map ? map.get("addons") : null;
        if (addons == null) {
            return Set.of();
        }
        if (addons instanceof Map<?, ?> ranges) {
            return ranges.keySet().stream().map(String.class::cast).collect(Collectors.toUnmodifiableSet());
        }
        throw new IllegalArgumentException(file + ": field 'requires.addons' must be an object of id to range");
    }

    /** @return whether a request path lies under one of this addon's route prefixes */
    boolean claims(String path) {
        return routes.stream().anyMatch(p -> path.equals(p) || path.startsWith(p + "/"));
    }

    private static String text(Map<String, Object> json, String field, Path file) {
        if (json.get(field) instanceof String value && !value.isBlank()) {
            return value;
        }
        throw new IllegalArgumentException(file + ": field '" + field + "' must be a non-empty string");
    }

    private static List<String> texts(Map<String, Object> json, String field, Path file) {
        Object value = json.getOrDefault(field, List.of());
        if (value instanceof List<?> list && list.stream().allMatch(String.class::isInstance)) {
            return list.stream().map(String.class::cast).toList();
        }
        throw new IllegalArgumentException(file + ": field '" + field + "' must be an array of strings");
    }

    String schema() {
        return "addon_" + id;
    }
}
