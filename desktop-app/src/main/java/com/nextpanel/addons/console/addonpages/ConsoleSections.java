package com.nextpanel.addons.console.addonpages;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code console} section of a manifest into {@link NavItem}s. Lenient about its shape, since it
 * is declarative data from the addon: navigation items under {@code navigation} (or {@code nav},
 * {@code items}, or the section itself as an array), each with {@code parent}, {@code title} (or
 * {@code label}), and either a {@code route} with {@code columns}, or a {@code view} that is an object
 * with them or the name of an entry in {@code views} (an object by name, or an array of views with {@code id});
 * a view names its route as {@code route} or {@code source}. Items without a GET route under {@code /api/v1/}
 * are skipped: the console only renders tables backed by the addon's own routes.
 */
public final class ConsoleSections {

    private ConsoleSections() {
    }

    public static List<NavItem> read(String addonId, JsonNode console) {
        List<NavItem> out = new ArrayList<>();
        if (console == null || console.isNull() || console.isMissingNode()) {
            return out;
        }
        JsonNode items = console.isArray() ? console : first(console, "navigation", "nav", "items", "pages");
        JsonNode views = console.isObject() ? console.path("views") : null;
        if (items == null || !items.isArray()) {
            return out;
        }
        for (JsonNode item : items) {
            JsonNode view = item.get("view");
            if (view != null && view.isTextual()) {
                view = namedView(views, view.asText());
            }
            JsonNode source = view != null && view.isObject() ? view : item;
            Optional<String> route = text(source, "route").or(() -> text(source, "source")).or(() -> text(item, "route"))
                    .or(() -> text(source, "path"));
            if (route.isEmpty() || !route.get().startsWith("/api/v1/") || route.get().contains("..")) {
                continue;
            }
            String title = text(item, "title").or(() -> text(item, "label")).or(() -> text(item, "name")).orElse(addonId);
            String parent = text(item, "parent").or(() -> text(item, "section")).or(() -> text(item, "group")).orElse("Addons");
            String icon = text(item, "icon").orElse("");
            out.add(new NavItem(addonId, parent, title, icon, route.get(), columns(source.path("columns"))));
        }
        return out;
    }

    /** {@code views} as an object keyed by name, or as an array of views each with an {@code id}. */
    private static JsonNode namedView(JsonNode views, String name) {
        if (views == null) {
            return null;
        }
        if (views.isObject()) {
            return views.get(name);
        }
        if (views.isArray()) {
            for (JsonNode v : views) {
                if (name.equals(v.path("id").asText()) || name.equals(v.path("name").asText())) {
                    return v;
                }
            }
        }
        return null;
    }

    private static List<NavItem.Column> columns(JsonNode cols) {
        List<NavItem.Column> out = new ArrayList<>();
        if (!cols.isArray()) {
            return out;
        }
        for (JsonNode c : cols) {
            if (c.isTextual()) {
                out.add(new NavItem.Column(c.asText(), heading(c.asText())));
            } else if (c.isObject()) {
                Optional<String> field = text(c, "field").or(() -> text(c, "key")).or(() -> text(c, "name"));
                field.ifPresent(f -> out.add(new NavItem.Column(f,
                        text(c, "title").or(() -> text(c, "label")).or(() -> text(c, "header")).orElse(heading(f)))));
            }
        }
        return out;
    }

    /** {@code created_at} → {@code Created at}. */
    public static String heading(String field) {
        String s = field.replace('_', ' ').replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static JsonNode first(JsonNode node, String... fields) {
        for (String f : fields) {
            if (node.has(f)) {
                return node.get(f);
            }
        }
        return null;
    }

    private static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isValueNode() && !v.asText().isBlank() ? Optional.of(v.asText()) : Optional.empty();
    }
}
