package com.nextpanel.addons.catalog.client;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.tuf.TufJson;

/**
 * The manifest summary as targets metadata carries it under {@code custom}. Reading ignores fields it does not
 * know, so that a newer publisher can add some without breaking older clients (the signature still covers them).
 */
public final class SummaryJson {

    private static final ObjectMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private SummaryJson() {
    }

    public static JsonNode toCustom(ManifestSummary summary) {
        // straight to a tree with the TUF mapper (no bytes, no re-parse: callers ask once per target), whose
        // settings give numbers the same node types as parsed metadata
        return TufJson.mapper().valueToTree(summary);
    }

    /** @param where names the target in messages, e.g. {@code targets.json: packages/x-1.0.0.zip} */
    public static ManifestSummary fromCustom(JsonNode custom, String where) {
        try {
            ManifestSummary summary = READER.treeToValue(custom, ManifestSummary.class);
            if (summary == null) {
                throw new CatalogException(ErrorCode.METADATA_MALFORMED, where + ": custom holds no manifest summary");
            }
            return summary;
        } catch (CatalogException e) {
            throw e;
        } catch (java.io.IOException | RuntimeException e) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED, where + ": custom is not a manifest summary ("
                    + e.getMessage().lines().findFirst().orElse("unreadable") + ")", e);
        }
    }
}
