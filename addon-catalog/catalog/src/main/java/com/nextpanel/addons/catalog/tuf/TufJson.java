package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.IOException;

/**
 * The one JSON mapper for metadata. Parsing is strict: duplicate keys are rejected, because two parsers
 * that keep different duplicates would verify one document and act on another.
 */
public final class TufJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .disable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_INTEGER_FOR_INTS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private TufJson() {
    }

    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    /** Parses {@code bytes} as a JSON object; {@code fileName} names the file in the error. */
    public static ObjectNode parseObject(byte[] bytes, String fileName) {
        JsonNode node;
        try (JsonParser parser = MAPPER.createParser(bytes)) {
            node = MAPPER.readTree(parser);
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED,
                    fileName + ": not valid JSON (" + firstLine(e.getMessage()) + ")", e);
        }
        if (node == null || !node.isObject()) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED, fileName + ": not a JSON object");
        }
        return (ObjectNode) node;
    }

    /** Pretty JSON for files people read; signatures never depend on it (they cover the canonical form). */
    public static byte[] pretty(JsonNode node) {
        try {
            return (MAPPER.writeValueAsString(node) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int nl = message.indexOf('\n');
        return nl < 0 ? message : message.substring(0, nl);
    }
}
