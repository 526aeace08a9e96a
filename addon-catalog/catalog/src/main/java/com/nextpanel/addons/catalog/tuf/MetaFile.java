package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.OptionalLong;

/**
 * What snapshot says of {@code targets.json} and timestamp says of {@code snapshot.json}: its version and,
 * optionally, its length and hashes.
 */
public record MetaFile(int version, OptionalLong length, Map<String, String> hashes) {

    public MetaFile {
        hashes = Map.copyOf(hashes);
    }

    /** The form our publisher writes: version, length and SHA-256 of the exact bytes. */
    public static MetaFile of(int version, byte[] bytes) {
        return new MetaFile(version, OptionalLong.of(bytes.length), Map.of("sha256", Hashes.sha256Hex(bytes)));
    }

    public static MetaFile versionOnly(int version) {
        return new MetaFile(version, OptionalLong.empty(), Map.of());
    }

    ObjectNode toJson() {
        ObjectNode node = TufJson.object();
        node.put("version", version);
        length.ifPresent(l -> node.put("length", l));
        if (!hashes.isEmpty()) {
            ObjectNode h = node.putObject("hashes");
            hashes.forEach(h::put);
        }
        return node;
    }

    static MetaFile fromJson(JsonNode node, String file, String where) {
        if (node == null || !node.isObject()) {
            throw MetadataFields.malformed(file, where + " must be an object");
        }
        int version = MetadataFields.positiveInt(node.get("version"), file, where + ".version");
        OptionalLong length = node.has("length")
                ? OptionalLong.of(MetadataFields.nonNegativeLong(node.get("length"), file, where + ".length"))
                : OptionalLong.empty();
        return new MetaFile(version, length, MetadataFields.hashes(node.get("hashes"), file, where));
    }
}
