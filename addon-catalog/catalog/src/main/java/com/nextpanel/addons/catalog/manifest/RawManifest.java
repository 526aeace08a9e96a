package com.nextpanel.addons.catalog.manifest;

import java.util.List;
import java.util.Map;

/**
 * {@code addon.json} as written, before validation: plain strings, so that a bad version or range
 * becomes a problem in the list rather than a binding failure that hides the others. Mutable classes
 * with fields rather than records on purpose: Jackson binds them property by property from the live
 * parser, so an unknown or mistyped field is reported with its exact path (records go through a
 * creator that buffers unknown properties and loses their position).
 */
final class RawManifest {
    public String id;
    public String name;
    public String version;
    public String description;
    public String category;
    public String entrypoint;
    public List<String> routes;
    public RawRequires requires;
    public List<String> conflicts;
    public List<String> permissions;
    public RawConsole console;
    public String changelog;
    public String icon;
    public String author;
    public String license;
    public String homepage;

    static final class RawRequires {
        public String core;
        public Map<String, String> addons;
    }

    static final class RawConsole {
        public List<RawNavigationItem> navigation;
    }

    static final class RawNavigationItem {
        public String parent;
        public String label;
        public String icon;
        public RawView view;
    }

    static final class RawView {
        public String type;
        public String route;
        public List<RawColumn> columns;
    }

    static final class RawColumn {
        public String field;
        public String label;
    }
}
