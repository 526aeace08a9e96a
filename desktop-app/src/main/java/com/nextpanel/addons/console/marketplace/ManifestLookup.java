package com.nextpanel.addons.console.marketplace;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Reads the whole manifest ({@code addon.json}) of one addon version, for what its signed summary leaves
 * out (the {@code console} section, the changelog). May download: call it off the UI thread.
 */
@FunctionalInterface
public interface ManifestLookup {

    Optional<JsonNode> manifest(String id, String version);

    static ManifestLookup none() {
        return (id, version) -> Optional.empty();
    }
}
