package com.nextpanel.addons.catalog.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.tuf.TufJson;
import com.nextpanel.addons.catalog.version.Version;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The manifest summary as targets metadata carries it under {@code custom}. Reading ignores fields it does not
 * know, so that a newer publisher can add some without breaking older clients (the signature still covers them).
 */
public final class SummaryJson {

    private static final ObjectMapper READER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .addModule(new SimpleModule().addDeserializer(Version.class, new SharedVersions()))
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

    /**
     * Parses each distinct version text once. A catalog repeats a few texts (1.0.0, 1.1.0, ...) across thousands of
     * targets, and semver4j formats every version it parses with {@code String.format}: ≈ 8 % of a client's first load
     * of 5,000 targets (src/docs/benchmarks.md, console). Versions are immutable, so sharing one is safe; the map is
     * bounded, texts beyond it are simply parsed each time. Parsing stays {@link Version#parse}, errors included.
     */
    static final class SharedVersions extends StdScalarDeserializer<Version> {

        static final int MAX_TEXTS = 4_096;

        private final Map<String, Version> parsed = new ConcurrentHashMap<>();

        SharedVersions() {
            super(Version.class);
        }

        @Override
        public Version deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (!p.hasToken(JsonToken.VALUE_STRING)) {
                return (Version) ctxt.handleUnexpectedToken(Version.class, p);
            }
            String text = p.getText();
            Version version = parsed.get(text);
            if (version == null) {
                version = Version.parse(text);
                if (parsed.size() < MAX_TEXTS) {
                    parsed.putIfAbsent(text, version);
                }
            }
            return version;
        }
    }
}
