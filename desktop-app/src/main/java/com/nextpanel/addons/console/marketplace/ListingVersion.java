package com.nextpanel.addons.console.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One version of an addon as the marketplace shows it. Everything but the version is optional: the signed
 * catalog's manifest summary fills it in, the agent's catalog route only names versions.
 */
public record ListingVersion(String version, Optional<String> changelog, Optional<Long> sizeBytes, Optional<String> sha256,
                             Optional<String> requiresCore, Map<String, String> requiresAddons, List<String> permissions,
                             List<String> routes, List<String> tables, Optional<JsonNode> console) {

    public ListingVersion {
        changelog = changelog == null ? Optional.empty() : changelog;
        sizeBytes = sizeBytes == null ? Optional.empty() : sizeBytes;
        sha256 = sha256 == null ? Optional.empty() : sha256;
        requiresCore = requiresCore == null ? Optional.empty() : requiresCore;
        requiresAddons = requiresAddons == null ? Map.of() : Map.copyOf(requiresAddons);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        routes = routes == null ? List.of() : List.copyOf(routes);
        tables = tables == null ? List.of() : List.copyOf(tables);
        console = console == null ? Optional.empty() : console;
    }

    public static ListingVersion bare(String version) {
        return new ListingVersion(version, Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Map.of(),
                List.of(), List.of(), List.of(), Optional.empty());
    }
}
