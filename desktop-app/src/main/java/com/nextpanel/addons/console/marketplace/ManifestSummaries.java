package com.nextpanel.addons.console.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.manifest.Permission;
import com.nextpanel.addons.catalog.tuf.TufJson;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a manifest summary (the JSON the publisher signs under a target's {@code custom}) leniently into a
 * {@link ListingVersion}: the console shows what is there and never fails on a field it does not know.
 */
public final class ManifestSummaries {

    private ManifestSummaries() {
    }

    /**
     * The same as {@link #toVersion(JsonNode, long, String)} of the summary's JSON ({@code CatalogTarget.summary()}),
     * read from the typed summary: the signed catalog's 5,000 targets need no JSON tree each (a Jackson serialisation
     * per target was ≈ 10 % of a cold load; see src/docs/benchmarks.md, console).
     */
    public static ListingVersion toVersion(ManifestSummary summary, long length, String sha256) {
        String version = summary.version().toString();
        Map<String, String> addons = new LinkedHashMap<>();
        summary.requires().addons().forEach((id, range) -> addons.put(id, range.toString()));
        String core = summary.requires().core().toString();
        return new ListingVersion(
                version,
                summary.changelog().isBlank() ? Optional.empty() : Optional.of(entryFor(summary.changelog(), version)),
                length >= 0 ? Optional.of(length) : Optional.empty(),
                Optional.ofNullable(sha256),
                core.isBlank() ? Optional.empty() : Optional.of(core),
                addons,
                summary.permissions().stream().map(Permission::toString).toList(),
                summary.routes(),
                summary.tables(),
                Optional.of(console(summary)));
    }

    /** The console items as the JSON form has them; serialised only for the few addons that have pages. */
    private static JsonNode console(ManifestSummary summary) {
        if (summary.console().navigation().isEmpty()) {
            ObjectNode none = TufJson.object();
            none.putArray("navigation");
            return none;
        }
        return TufJson.mapper().valueToTree(summary.console());
    }

    public static ListingVersion toVersion(JsonNode summary, long length, String sha256) {
        JsonNode requires = summary.path("requires");
        Map<String, String> addons = new LinkedHashMap<>();
        requires.path("addons").fields().forEachRemaining(e -> addons.put(e.getKey(), e.getValue().asText()));
        return new ListingVersion(
                summary.path("version").asText(),
                changelog(summary),
                length >= 0 ? Optional.of(length) : Optional.empty(),
                Optional.ofNullable(sha256),
                text(requires, "core"),
                addons,
                strings(summary.path("permissions")),
                strings(summary.path("routes")),
                tables(summary),
                summary.hasNonNull("console") ? Optional.of(summary.get("console")) : Optional.empty());
    }

    /**
     * The changelog of this version: a text, a list of lines, or (as the samples write it) a list of
     * {@code {"version","changes":[...]}} of which the entry for this version is taken.
     */
    static Optional<String> changelog(JsonNode summary) {
        JsonNode c = summary.path("changelog");
        if (c.isArray()) {
            String version = summary.path("version").asText();
            for (JsonNode entry : c) {
                if (entry.isObject() && entry.path("version").asText().equals(version)) {
                    List<String> changes = strings(entry.path("changes"));
                    return changes.isEmpty() ? text(entry, "notes") : Optional.of(String.join("\n", changes));
                }
            }
        }
        return text(summary, "changelog").or(() -> text(summary, "releaseNotes"))
                .map(text -> entryFor(text, summary.path("version").asText()));
    }

    private static final java.util.regex.Pattern HEADING = java.util.regex.Pattern.compile("^\\s{0,3}#{1,6}\\s+(.*)$");

    /**
     * A Markdown changelog (as the samples write it: {@code ## 1.1.0} then the changes, newest first) is
     * signed whole into every version's summary; each version shows only its own entry. Text without a
     * heading for {@code version} is kept whole.
     */
    static String entryFor(String text, String version) {
        List<String> lines = text.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            java.util.regex.Matcher h = HEADING.matcher(lines.get(i));
            if (h.matches() && names(h.group(1), version)) {
                List<String> body = new ArrayList<>();
                for (int j = i + 1; j < lines.size() && !HEADING.matcher(lines.get(j)).matches(); j++) {
                    body.add(lines.get(j));
                }
                String entry = String.join("\n", body).strip();
                return entry.isEmpty() ? text.strip() : entry;
            }
        }
        return text.strip();
    }

    /** "1.1.0", "v1.1.0", "[1.1.0] - 2026-01-02", "1.1.0 (latest)" name 1.1.0; "1.1.0-beta" and "1.1.01" do not. */
    private static boolean names(String heading, String version) {
        String h = heading.strip().replaceFirst("^\\[", "").replaceFirst("^[vV]", "");
        if (!h.startsWith(version)) {
            return false;
        }
        if (h.length() == version.length()) {
            return true;
        }
        char next = h.charAt(version.length());
        return !Character.isLetterOrDigit(next) && next != '.' && next != '-' && next != '+';
    }

    public static Optional<String> text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (v.isArray()) {
            List<String> lines = strings(v);
            return lines.isEmpty() ? Optional.empty() : Optional.of(String.join("\n", lines));
        }
        String s = v.asText();
        return s.isBlank() ? Optional.empty() : Optional.of(s);
    }

    static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        if (array.isArray()) {
            for (JsonNode n : array) {
                if (n.isValueNode()) {
                    out.add(n.asText());
                } else if (n.has("prefix")) {
                    out.add(n.get("prefix").asText());
                } else if (n.has("name")) {
                    out.add(n.get("name").asText());
                } else if (n.has("path")) {
                    out.add(n.get("path").asText());
                }
            }
        } else if (array.isObject()) {
            array.fieldNames().forEachRemaining(out::add);
        }
        return out;
    }

    private static List<String> tables(JsonNode summary) {
        List<String> t = strings(summary.path("tables"));
        return t.isEmpty() ? strings(summary.path("migrations").path("tables")) : t;
    }
}
