package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A metadata file on the wire: {@code {"signed": {...}, "signatures": [{"keyid", "sig"}]}}. The signatures
 * cover the canonical JSON of {@code signed} exactly as received, so unknown fields stay covered.
 *
 * <p>A class rather than a record because it keeps that canonical form, computed once: for a catalog of
 * thousands of targets, encoding (and copying) the {@code signed} tree is most of the work of checking it,
 * and parsing, threshold checks and signing all need the same bytes. Treat {@link #signed()} as read-only.
 */
public final class SignedEnvelope {

    private final ObjectNode signed;
    private final List<Signature> signatures;
    private final byte[] canonical;

    /** Copies {@code signed}, so later changes to the caller's tree cannot change what was signed. */
    public SignedEnvelope(ObjectNode signed, List<Signature> signatures) {
        this(signed.deepCopy(), signatures, null);
    }

    /** @param owned a tree nobody else holds; {@code canonical} its canonical JSON, or null to compute it */
    private SignedEnvelope(ObjectNode owned, List<Signature> signatures, byte[] canonical) {
        this.signed = owned;
        this.signatures = List.copyOf(signatures);
        this.canonical = canonical != null ? canonical : CanonicalJson.encode(owned);
    }

    /** Signs {@code signed} with every key in {@code keys} (in that order). */
    public static SignedEnvelope sign(ObjectNode signed, Collection<SigningKey> keys) {
        ObjectNode copy = signed.deepCopy();
        byte[] canonical = CanonicalJson.encode(copy);
        List<Signature> sigs = new ArrayList<>();
        for (SigningKey key : keys) {
            sigs.add(new Signature(key.keyId(), key.signHex(canonical)));
        }
        return new SignedEnvelope(copy, sigs, canonical);
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
        byte[] canonical;
        try {
            canonical = CanonicalJson.encode(signed);
        } catch (IllegalArgumentException e) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED, fileName + ": " + e.getMessage(), e);
        }
        // the tree was parsed here and is held by nobody else: no copy
        return new SignedEnvelope((ObjectNode) signed, list, canonical);
    }

    public ObjectNode signed() {
        return signed;
    }

    public List<Signature> signatures() {
        return signatures;
    }

    /** @return the canonical JSON of {@code signed}: the bytes the signatures cover */
    public byte[] canonicalSigned() {
        return canonical.clone();
    }

    /** The same bytes without a copy, for the threshold check (never handed out of this package). */
    byte[] canonicalBytes() {
        return canonical;
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

    @Override
    public boolean equals(Object o) {
        return o instanceof SignedEnvelope e && signed.equals(e.signed) && signatures.equals(e.signatures);
    }

    @Override
    public int hashCode() {
        return Objects.hash(signed, signatures);
    }

    @Override
    public String toString() {
        return "SignedEnvelope[" + signed.path("_type").asText("?") + " v" + signed.path("version").asText("?")
                + ", " + signatures.size() + " signature(s)]";
    }
}
