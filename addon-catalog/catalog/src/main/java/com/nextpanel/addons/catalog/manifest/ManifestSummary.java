package com.nextpanel.addons.catalog.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.nextpanel.addons.catalog.version.Version;
import com.nextpanel.addons.catalog.version.VersionRange;
import java.util.List;
import java.util.Objects;

/**
 * What the signed catalog carries for each package under the target's {@code custom}, and what the
 * resolver plans with: the parts of the manifest an administrator decides on, plus the tables the
 * migrations create. Serialises both ways with a plain Jackson {@code ObjectMapper} (records, strings,
 * lists and maps only; no floats, so it is safe inside canonical JSON).
 *
 * @param tables names of the tables the migrations create ({@link TableScanner})
 * @param console {@link Console#NONE} when none; the console renders addon pages from it without the package
 * @param changelog empty when none; at most {@link #MAX_CHANGELOG_CHARS} (see {@link #boundedChangelog})
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ManifestSummary(
        String id,
        String name,
        Version version,
        String description,
        String category,
        Requires requires,
        List<String> conflicts,
        List<String> routes,
        List<Permission> permissions,
        List<String> tables,
        Console console,
        String changelog) {

    public ManifestSummary {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        requires = requires == null ? Requires.core(VersionRange.ANY) : requires;
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        routes = routes == null ? List.of() : List.copyOf(routes);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        tables = tables == null ? List.of() : List.copyOf(tables);
        console = console == null ? Console.NONE : console;
        changelog = changelog == null ? "" : changelog;
        name = name == null ? "" : name;
        description = description == null ? "" : description;
        category = category == null ? "" : category;
    }

    public static ManifestSummary fromManifest(Manifest m, List<String> tables) {
        return new ManifestSummary(m.id(), m.name(), m.version(), m.description(), m.category(), m.requires(),
                m.conflicts(), m.routes(), m.permissions(), tables, m.console(), boundedChangelog(m.changelog()));
    }

    /**
     * The summary sits in {@code targets.json} once per package, so a changelog that grows with every
     * release would make a catalog of thousands of addons slow to fetch and verify. The newest entries come
     * first, so the start is kept.
     */
    public static final int MAX_CHANGELOG_CHARS = 4_000;

    /** Marks a cut changelog; the whole text stays in the package's {@code addon.json}. */
    public static final String CHANGELOG_CUT = "\n…";

    /**
     * @return {@code changelog} when it fits in {@link #MAX_CHANGELOG_CHARS}, else its start cut at the last
     *         line break that fits, followed by {@link #CHANGELOG_CUT}
     */
    public static String boundedChangelog(String changelog) {
        if (changelog == null || changelog.length() <= MAX_CHANGELOG_CHARS) {
            return changelog;
        }
        int room = MAX_CHANGELOG_CHARS - CHANGELOG_CUT.length();
        int cut = changelog.lastIndexOf('\n', room);
        return changelog.substring(0, cut > room / 2 ? cut : room).stripTrailing() + CHANGELOG_CUT;
    }

    /** @return {@code id@version}, how messages name an addon */
    public String coordinates() {
        return id + "@" + version;
    }
}
