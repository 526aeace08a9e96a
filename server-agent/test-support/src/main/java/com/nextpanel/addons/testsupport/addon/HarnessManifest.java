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
        Set<String> requiredAddons, List<ConsoleView> consoleViews) {

    /**
     * A console table view: the GET route it reads and the row fields its columns show.
     *
     * @param label the navigation item's label, for messages
     */
    record ConsoleView(String label, String route, List<String> fields) {
    }

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
                requiredAddons(json, file), consoleViews(json));
    }

    /** Lenient: the catalog's ManifestReader validates the console block; this only reads what it can. */
    private static List<ConsoleView> consoleViews(Map<String, Object> json) {
        List<ConsoleView> views = new java.util.ArrayList<>();
        if (json.get("console") instanceof Map<?, ?> console && console.get("navigation") instanceof List<?> items) {
            for (Object item : items) {
                if (item instanceof Map<?, ?> nav && nav.get("view") instanceof Map<?, ?> view
                        && view.get("route") instanceof String route && view.get("columns") instanceof List<?> columns) {
                    List<String> fields = columns.stream().filter(Map.class::isInstance)
                            .map(c -> String.valueOf(((Map<?, ?>) c).get("field"))).toList();
                    views.add(new ConsoleView(String.valueOf(nav.get("label")), route, fields));
                }
            }
        }
        return List.copyOf(views);
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
