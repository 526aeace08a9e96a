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
 * @param console {@link Console#NONE} when none
 * @param changelog empty when none
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
                m.conflicts(), m.routes(), m.permissions(), tables, m.console(), m.changelog());
    }

    /** @return {@code id@version}, how messages name an addon */
    public String coordinates() {
        return id + "@" + version;
    }
}
