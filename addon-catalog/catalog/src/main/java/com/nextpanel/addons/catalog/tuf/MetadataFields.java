package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** Reading and writing the fields every role shares: {@code _type}, {@code spec_version}, {@code version}, {@code expires}. */
final class MetadataFields {

    /** The specification version we follow (tuf-js and python-tuf accept any 1.x). */
    static final String SPEC_VERSION = "1.0.31";

    private static final Pattern SPEC = Pattern.compile("1\\.\\d+(\\.\\d+)?");
    private static final Pattern EXPIRES = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    private MetadataFields() {
    }

    static ObjectNode start(Role role, int version, Instant expires) {
        ObjectNode node = TufJson.object();
        node.put("_type", role.id());
        node.put("spec_version", SPEC_VERSION);
        node.put("version", version);
        node.put("expires", formatExpires(expires));
        return node;
    }

    static String formatExpires(Instant expires) {
        return expires.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static void checkType(ObjectNode signed, Role role, String file) {
        JsonNode type = signed.get("_type");
        if (type == null || !role.id().equals(type.asText())) {
            throw malformed(file, "_type must be \"" + role.id() + "\", found " + type);
        }
        JsonNode spec = signed.get("spec_version");
        if (spec == null || !spec.isTextual() || !SPEC.matcher(spec.textValue()).matches()) {
            throw malformed(file, "spec_version must be a 1.x version, found " + spec);
        }
    }

    static int version(JsonNode signed, String file) {
        return positiveInt(signed.get("version"), file, "version");
    }

    static int positiveInt(JsonNode node, String file, String field) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToInt() || node.intValue() < 1) {
            throw malformed(file, field + " must be a positive integer, found " + node);
        }
        return node.intValue();
    }

    static long nonNegativeLong(JsonNode node, String file, String field) {
        if (node == null || !node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw malformed(file, field + " must be a non-negative integer, found " + node);
        }
        return node.longValue();
    }

    static Instant expires(JsonNode signed, String file) {
        JsonNode node = signed.get("expires");
        if (node == null || !node.isTextual() || !EXPIRES.matcher(node.textValue()).matches()) {
            throw malformed(file, "expires must be YYYY-MM-DDTHH:MM:SSZ, found " + node);
        }
        try {
            return Instant.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw malformed(file, "expires is not a date: " + node.textValue());
        }
    }

    static ObjectNode object(JsonNode parent, String field, String file) {
        JsonNode node = parent.get(field);
        if (node == null || !node.isObject()) {
            throw malformed(file, field + " must be an object");
        }
        return (ObjectNode) node;
    }

    static Map<String, String> hashes(JsonNode node, String file, String where) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node == null) {
            return out;
        }
        if (!node.isObject() || node.isEmpty()) {
            throw malformed(file, where + ".hashes must be a non-empty object");
        }
        node.properties().forEach(e -> {
            if (!e.getValue().isTextual()) {
                throw malformed(file, where + ".hashes." + e.getKey() + " must be a string");
            }
            out.put(e.getKey(), e.getValue().textValue());
        });
        return out;
    }

    static CatalogException malformed(String file, String reason) {
        return new CatalogException(ErrorCode.METADATA_MALFORMED, file + ": " + reason);
    }
}
