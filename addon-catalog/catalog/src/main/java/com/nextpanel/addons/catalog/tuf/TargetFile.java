package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;

/** One entry of targets metadata: the file's length, hashes and the publisher's {@code custom} data. */
public record TargetFile(long length, Map<String, String> hashes, Optional<JsonNode> custom) {

    public TargetFile {
        hashes = Map.copyOf(hashes);
        custom = custom.map(JsonNode::deepCopy);
    }

    public static TargetFile of(byte[] bytes, JsonNode custom) {
        return new TargetFile(bytes.length, Map.of("sha256", Hashes.sha256Hex(bytes)), Optional.ofNullable(custom));
    }

    public Optional<String> sha256() {
        return Optional.ofNullable(hashes.get("sha256"));
    }

    ObjectNode toJson() {
        ObjectNode node = TufJson.object();
        node.put("length", length);
        ObjectNode h = node.putObject("hashes");
        hashes.forEach(h::put);
        custom.ifPresent(c -> node.set("custom", c.deepCopy()));
        return node;
    }

    static TargetFile fromJson(JsonNode node, String file, String where) {
        if (node == null || !node.isObject()) {
            throw MetadataFields.malformed(file, where + " must be an object");
        }
        long length = MetadataFields.nonNegativeLong(node.get("length"), file, where + ".length");
        Map<String, String> hashes = MetadataFields.hashes(node.get("hashes"), file, where);
        if (hashes.isEmpty()) {
            throw MetadataFields.malformed(file, where + ".hashes is required");
        }
        return new TargetFile(length, hashes, Optional.ofNullable(node.get("custom")));
    }
}
