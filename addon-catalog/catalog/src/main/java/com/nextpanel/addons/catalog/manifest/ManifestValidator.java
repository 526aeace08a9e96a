package com.nextpanel.addons.catalog.manifest;

import com.nextpanel.addons.catalog.version.Version;
import com.nextpanel.addons.catalog.version.VersionRange;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The rules of {@code addon.json}; adds a problem per broken rule and never stops early. */
final class ManifestValidator {

    static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,39}");
    private static final Pattern SEGMENT = Pattern.compile("[a-z0-9][a-z0-9_-]*");
    private static final Set<String> JAVA_KEYWORDS = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float",
            "for", "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native",
            "new", "package", "private", "protected", "public", "return", "short", "static", "strictfp",
            "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void",
            "volatile", "while", "true", "false", "null", "_");

    private final List<ManifestProblem> problems;

    ManifestValidator(List<ManifestProblem> problems) {
        this.problems = problems;
    }

    /** @return the manifest when no problem was found, otherwise null (the problems say why) */
    Manifest validate(RawManifest raw) {
        String id = required("id", raw.id);
        if (id != null && !ID.matcher(id).matches()) {
            problem("id", "'" + id + "' is not a valid id: expected [a-z][a-z0-9_]{1,39} (lower case, digits, _)");
        }
        String name = requiredText("name", raw.name, 80);
        Version version = null;
        String versionText = required("version", raw.version);
        if (versionText != null) {
            version = Version.tryParse(versionText).orElse(null);
            if (version == null) {
                problem("version", "'" + versionText + "' is not a SemVer 2.0 version (e.g. 1.2.0)");
            }
        }
        String description = requiredText("description", raw.description, 2000);
        String category = requiredText("category", raw.category, 40);
        String entrypoint = required("entrypoint", raw.entrypoint);
        if (entrypoint != null && !isBinaryClassName(entrypoint)) {
            problem("entrypoint", "'" + entrypoint + "' is not a Java class name (e.g. com.example.chat.ChatAddon)");
        }
        List<String> routes = routes(raw.routes);
        Requires requires = requires(raw.requires, id);
        List<String> conflicts = conflicts(raw.conflicts, id);
        List<Permission> permissions = permissions(raw.permissions);
        Console console = console(raw.console, routes);
        String homepage = raw.homepage;
        if (homepage != null && !homepage.isEmpty() && !homepage.matches("https?://\\S+")) {
            problem("homepage", "'" + homepage + "' is not an http(s) URL");
        }
        if (!problems.isEmpty()) {
            return null;
        }
        return new Manifest(id, name, version, description, category, entrypoint, routes, requires, conflicts,
                permissions, console, raw.changelog, raw.icon, raw.author, raw.license, homepage);
    }

    private List<String> routes(List<String> routes) {
        List<String> valid = new ArrayList<>();
        if (routes == null) {
            return valid;
        }
        for (int i = 0; i < routes.size(); i++) {
            String field = "routes[" + i + "]";
            String route = routes.get(i);
            if (route == null) {
                problem(field, "must not be null");
                continue;
            }
            Optional<String> error = routePrefixError(route);
            if (error.isPresent()) {
                problem(field, "'" + route + "' " + error.get());
                continue;
            }
            for (String core : CoreRoutes.PREFIXES) {
                if (CoreRoutes.overlaps(route, core)) {
                    problem(field, "'" + route + "' overlaps the core's route prefix " + core);
                }
            }
            for (int j = 0; j < valid.size(); j++) {
                if (CoreRoutes.overlaps(route, valid.get(j))) {
                    problem(field, "'" + route + "' overlaps this addon's own prefix " + valid.get(j));
                }
            }
            valid.add(route);
        }
        return valid;
    }

    /**
     * A prefix is {@code /api/v1/} followed by one or more segments of {@code [a-z0-9][a-z0-9_-]*}
     * joined by single slashes, with no trailing slash: so no {@code .} or {@code ..}, no {@code //},
     * no path parameters, nothing that normalises to something else.
     */
    static Optional<String> routePrefixError(String route) {
        if (!route.startsWith(CoreRoutes.ADDON_ROOT)) {
            return Optional.of("must start with " + CoreRoutes.ADDON_ROOT);
        }
        if (route.endsWith("/")) {
            return Optional.of("must not end with '/' (a prefix claims everything below it)");
        }
        String rest = route.substring(CoreRoutes.ADDON_ROOT.length());
        for (String segment : rest.split("/", -1)) {
            if (segment.isEmpty()) {
                return Optional.of("must not contain '//'");
            }
            if (segment.equals(".") || segment.equals("..")) {
                return Optional.of("must not contain '.' or '..' segments");
            }
            if (!SEGMENT.matcher(segment).matches()) {
                return Optional.of("has segment '" + segment + "': segments are [a-z0-9][a-z0-9_-]*");
            }
        }
        return Optional.empty();
    }

    private Requires requires(RawManifest.RawRequires raw, String selfId) {
        if (raw == null) {
            missing("requires", "is required (at least {\"core\": \">=1.0.0 <2.0.0\"})");
            return null;
        }
        VersionRange core = range("requires.core", required("requires.core", raw.core));
        Map<String, VersionRange> addons = new LinkedHashMap<>();
        if (raw.addons != null) {
            raw.addons.forEach((dependency, rangeText) -> {
                String field = "requires.addons." + dependency;
                if (!ID.matcher(dependency).matches()) {
                    problem(field, "'" + dependency + "' is not a valid addon id");
                } else if (dependency.equals(selfId)) {
                    problem(field, "an addon cannot require itself");
                }
                VersionRange range = range(field, required(field, rangeText));
                if (range != null) {
                    addons.put(dependency, range);
                }
            });
        }
        return core == null ? null : new Requires(core, addons);
    }

    private VersionRange range(String field, String text) {
        if (text == null) {
            return null;
        }
        Optional<VersionRange> range = VersionRange.tryParse(text);
        if (range.isEmpty()) {
            problem(field, "'" + text + "' is not a version range (e.g. ^1.2, ~1.2.3, >=1.0.0 <2.0.0, *)");
        }
        return range.orElse(null);
    }

    private List<String> conflicts(List<String> conflicts, String selfId) {
        if (conflicts == null) {
            return List.of();
        }
        for (int i = 0; i < conflicts.size(); i++) {
            String other = conflicts.get(i);
            if (other == null || !ID.matcher(other).matches()) {
                problem("conflicts[" + i + "]", "'" + other + "' is not a valid addon id");
            } else if (other.equals(selfId)) {
                problem("conflicts[" + i + "]", "an addon cannot conflict with itself");
            }
        }
        return conflicts;
    }

    private List<Permission> permissions(List<String> permissions) {
        List<Permission> valid = new ArrayList<>();
        if (permissions == null) {
            return valid;
        }
        for (int i = 0; i < permissions.size(); i++) {
            String text = permissions.get(i);
            Optional<Permission> permission = Permission.tryParse(text);
            if (permission.isEmpty()) {
                problem("permissions[" + i + "]", "'" + text
                        + "' is not a permission: expected <schema>.<table>:read or :write, e.g. billing.customers:read");
            } else {
                valid.add(permission.get());
            }
        }
        return valid;
    }

    /** The console section travels in the signed catalog's summary of every package: kept small. */
    static final int MAX_NAVIGATION_ITEMS = 8;
    static final int MAX_COLUMNS = 12;

    private Console console(RawManifest.RawConsole raw, List<String> routes) {
        if (raw == null) {
            return Console.NONE;
        }
        List<Console.NavigationItem> items = new ArrayList<>();
        List<RawManifest.RawNavigationItem> navigation = raw.navigation == null ? List.of() : raw.navigation;
        if (navigation.size() > MAX_NAVIGATION_ITEMS) {
            problem("console.navigation", "has " + navigation.size() + " items; at most " + MAX_NAVIGATION_ITEMS);
        }
        for (int i = 0; i < navigation.size(); i++) {
            String field = "console.navigation[" + i + "]";
            RawManifest.RawNavigationItem item = navigation.get(i);
            if (item == null) {
                problem(field, "must not be null");
                continue;
            }
            String parent = requiredText(field + ".parent", item.parent, 40);
            String label = requiredText(field + ".label", item.label, 60);
            Console.View view = view(field + ".view", item.view, routes);
            items.add(new Console.NavigationItem(parent, label, item.icon, view));
        }
        return new Console(items);
    }

    private Console.View view(String field, RawManifest.RawView raw, List<String> routes) {
        if (raw == null) {
            missing(field, "is required");
            return null;
        }
        if (!Console.View.TABLE.equals(raw.type)) {
            problem(field + ".type", "'" + raw.type + "' is not a view type; the only one is \"table\"");
        }
        String route = required(field + ".route", raw.route);
        if (route != null) {
            if (routePrefixError(route).isPresent()) {
                problem(field + ".route", "'" + route + "' is not a plain route path under " + CoreRoutes.ADDON_ROOT);
            } else if (routes.stream().noneMatch(prefix -> CoreRoutes.isUnder(route, prefix))) {
                problem(field + ".route", "'" + route + "' is not under one of this addon's routes " + routes);
            }
        }
        List<Console.Column> columns = new ArrayList<>();
        List<RawManifest.RawColumn> rawColumns = raw.columns == null ? List.of() : raw.columns;
        if (rawColumns.isEmpty()) {
            problem(field + ".columns", "a table needs at least one column");
        } else if (rawColumns.size() > MAX_COLUMNS) {
            problem(field + ".columns", "has " + rawColumns.size() + " columns; at most " + MAX_COLUMNS);
        }
        for (int i = 0; i < rawColumns.size(); i++) {
            RawManifest.RawColumn c = rawColumns.get(i);
            String f = field + ".columns[" + i + "]";
            if (c == null) {
                problem(f, "must not be null");
                continue;
            }
            columns.add(new Console.Column(requiredText(f + ".field", c.field, 80), requiredText(f + ".label", c.label, 80)));
        }
        return new Console.View(raw.type, route, columns);
    }

    /** Binary name: dot-separated Java identifiers, {@code $} allowed for nested classes, no keywords. */
    static boolean isBinaryClassName(String name) {
        if (name.isEmpty() || name.length() > 255) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (part.isEmpty() || JAVA_KEYWORDS.contains(part) || !Character.isJavaIdentifierStart(part.codePointAt(0))) {
                return false;
            }
            if (!part.codePoints().allMatch(Character::isJavaIdentifierPart)
                    || part.codePoints().anyMatch(Character::isIdentifierIgnorable)) {
                return false;
            }
        }
        return true;
    }

    private String required(String field, String value) {
        if (value == null) {
            missing(field, "is required");
        }
        return value;
    }

    private String requiredText(String field, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            missing(field, "is required and must not be blank");
        } else if (value.length() > maxLength) {
            problem(field, "is longer than " + maxLength + " characters");
        }
        return value;
    }

    /** A missing value, unless binding already said why it is missing (a wrong type is read as absent). */
    private void missing(String field, String message) {
        if (problems.stream().noneMatch(p -> p.field().equals(field))) {
            problem(field, message);
        }
    }

    private void problem(String field, String message) {
        problems.add(new ManifestProblem(field, message));
    }
}
