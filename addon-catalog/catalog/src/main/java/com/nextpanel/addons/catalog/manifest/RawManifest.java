package com.nextpanel.addons.catalog.manifest;

import java.util.List;
import java.util.Map;

/**
 * {@code addon.json} as written, before validation: plain strings, so that a bad version or range
 * becomes a problem in the list rather than a binding failure that hides the others.
 */
record RawManifest(
        String id,
        String name,
        String version,
        String description,
        String category,
        String entrypoint,
        List<String> routes,
        RawRequires requires,
        List<String> conflicts,
        List<String> permissions,
        RawConsole console,
        String changelog,
        String icon,
        String author,
        String license,
        String homepage) {

    record RawRequires(String core, Map<String, String> addons) {
    }

    record RawConsole(List<RawNavigationItem> navigation) {
    }

    record RawNavigationItem(String parent, String label, String icon, RawView view) {
    }

    record RawView(String type, String route, List<RawColumn> columns) {
    }

    record RawColumn(String field, String label) {
    }
}
