package com.nextpanel.addons.client;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import java.io.IOException;

/**
 * Reads a list element that the API may send either as a plain string ({@code "1.0.0"},
 * {@code "migrate"}) or as an object naming it ({@code {"version":"1.0.0",...}},
 * {@code {"name":"migrate",...}}), so that lists stay readable if the agent enriches them.
 */
final class TextOrName extends StdDeserializer<String> {

    private static final long serialVersionUID = 1L;
    private static final String[] NAME_FIELDS = {"name", "version", "step", "id", "table", "path", "route"};

    TextOrName() {
        super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonNode node = p.readValueAsTree();
        if (node == null || node.isNull()) {
            return "";
        }
        if (node.isValueNode()) {
            return node.asText();
        }
        for (String field : NAME_FIELDS) {
            JsonNode value = node.get(field);
            if (value != null && value.isValueNode()) {
                return value.asText();
            }
        }
        return node.toString();
    }
}
