package com.nextpanel.addons.catalog.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * One package the verified catalog lists.
 *
 * @param path    its name in the catalog, {@code packages/<id>-<version>.zip}
 * @param length  its signed length in bytes
 * @param sha256  its signed SHA-256, lower-case hex
 * @param summary the manifest summary the publisher signed under {@code custom}
 */
public record CatalogTarget(String path, long length, String sha256, JsonNode summary) {

    public CatalogTarget {
        summary = summary.deepCopy();
    }

    @Override
    public JsonNode summary() {
        return summary.deepCopy();
    }

    public String id() {
        return summary.path("id").asText();
    }

    public String version() {
        return summary.path("version").asText();
    }
}
