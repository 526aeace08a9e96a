package com.nextpanel.addons.catalog.manifest;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.nextpanel.addons.catalog.version.Version;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * An addon's manifest, {@code addon.json}, as {@link ManifestReader} accepts it: every value here has
 * passed validation. Optional texts are empty strings rather than null, so the record serialises with a
 * plain Jackson {@code ObjectMapper} and the absent ones are left out.
 *
 * @param id          {@code [a-z][a-z0-9_]{1,39}}
 * @param entrypoint  binary name of the class implementing {@code com.nextpanel.addons.spi.Addon}
 * @param routes      the path prefixes it claims under {@code /api/v1/}, normalised, no trailing slash
 * @param conflicts   ids of addons it cannot be installed beside
 * @param permissions grants on tables outside its own schema
 * @param console     navigation items for the console; {@link Console#NONE} when it declares none
 * @param changelog   free text (Markdown) for the console's details page; empty when none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Manifest(
        String id,
        String name,
        Version version,
        String description,
        String category,
        String entrypoint,
        List<String> routes,
        Requires requires,
        List<String> conflicts,
        List<Permission> permissions,
        Console console,
        String changelog,
        String icon,
        String author,
        String license,
        String homepage) {

    public Manifest {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(requires, "requires");
        routes = routes == null ? List.of() : List.copyOf(routes);
        conflicts = conflicts == null ? List.of() : List.copyOf(conflicts);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        console = console == null ? Console.NONE : console;
        changelog = orEmpty(changelog);
        icon = orEmpty(icon);
        author = orEmpty(author);
        license = orEmpty(license);
        homepage = orEmpty(homepage);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** @return {@code id@version}, how messages name an addon */
    public String coordinates() {
        return id + "@" + version;
    }

    public Optional<String> changelogText() {
        return changelog.isEmpty() ? Optional.empty() : Optional.of(changelog);
    }
}
