package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * A metadata file on the wire: {@code {"signed": {...}, "signatures": [{"keyid", "sig"}]}}. The signatures
 * cover the canonical JSON of {@code signed} exactly as received, so unknown fields stay covered.
 */
public record SignedEnvelope(ObjectNode signed, List<Signature> signatures) {

    public SignedEnvelope {
        signed = signed.deepCopy();
        signatures = List.copyOf(signatures);
    }

    /** Signs {@code signed} with every key in {@code keys} (in that order). */
    public static SignedEnvelope sign(ObjectNode signed, Collection<SigningKey> keys) {
        byte[] canonical = CanonicalJson.encode(signed);
        List<Signature> sigs = new ArrayList<>();
        for (SigningKey key : keys) {
            sigs.add(new Signature(key.keyId(), key.signHex(canonical)));
        }
        return new SignedEnvelope(signed, sigs);
    }

    public static SignedEnvelope parse(byte[] bytes, String fileName) {
        ObjectNode root = TufJson.parseObject(bytes, fileName);
        JsonNode signed = root.get("signed");
        JsonNode sigs = root.get("signatures");
        if (signed == null || !signed.isObject()) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED, fileName + ": no \"signed\" object");
        }
        if (sigs == null || !sigs.isArray()) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED, fileName + ": no \"signatures\" array");
        }
        List<Signature> list = new ArrayList<>();
        for (JsonNode s : sigs) {
            if (!s.path("keyid").isTextual() || !s.path("sig").isTextual()) {
                throw new CatalogException(ErrorCode.METADATA_MALFORMED,
                        fileName + ": every signature needs a string keyid and sig");
            }
            list.add(new Signature(s.get("keyid").textValue(), s.get("sig").textValue()));
        }
        try {
            CanonicalJson.encode(signed);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED, fileName + ": " + e.getMessage(), e);
        }
        return new SignedEnvelope((ObjectNode) signed, list);
    }

    public byte[] canonicalSigned() {
        return CanonicalJson.encode(signed);
    }

    public ObjectNode toJson() {
        ObjectNode root = TufJson.object();
        root.set("signed", signed.deepCopy());
        ArrayNode sigs = root.putArray("signatures");
        for (Signature s : signatures) {
            sigs.addObject().put("keyid", s.keyId()).put("sig", s.sigHex());
        }
        return root;
    }

    public byte[] toBytes() {
        return TufJson.pretty(toJson());
    }
}
