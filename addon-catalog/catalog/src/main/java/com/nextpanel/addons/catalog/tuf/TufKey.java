package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.util.encoders.Hex;

/**
 * A public key as root metadata lists it: {@code {"keytype":"ed25519","scheme":"ed25519","keyval":{"public":HEX}}}.
 *
 * @param keyType   the TUF key type; only {@code ed25519} verifies
 * @param scheme    the signature scheme; only {@code ed25519} verifies
 * @param publicHex the 32-byte public key in lower-case hex
 */
public record TufKey(String keyType, String scheme, String publicHex) {

    public static final String ED25519 = "ed25519";

    public static TufKey ed25519(byte[] publicKey) {
        return new TufKey(ED25519, ED25519, Hex.toHexString(publicKey));
    }

    /** The key id as the specification computes it: SHA-256 (hex) of the canonical JSON of the key object. */
    public String keyId() {
        return Hashes.sha256Hex(CanonicalJson.encode(toJson()));
    }

    public ObjectNode toJson() {
        ObjectNode node = TufJson.object();
        node.put("keytype", keyType);
        node.put("scheme", scheme);
        node.putObject("keyval").put("public", publicHex);
        return node;
    }

    public static TufKey fromJson(JsonNode node, String where) {
        if (node == null || !node.isObject() || !node.path("keytype").isTextual() || !node.path("scheme").isTextual()
                || !node.path("keyval").path("public").isTextual()) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED,
                    where + ": a key needs keytype, scheme and keyval.public");
        }
        return new TufKey(node.get("keytype").textValue(), node.get("scheme").textValue(),
                node.get("keyval").get("public").textValue());
    }

    /** @return true only for an Ed25519 key whose signature over {@code message} is valid; never throws */
    public boolean verifies(byte[] message, String signatureHex) {
        if (!ED25519.equals(keyType) || !ED25519.equals(scheme)) {
            return false;
        }
        try {
            byte[] key = Hex.decodeStrict(publicHex);
            byte[] sig = Hex.decodeStrict(signatureHex);
            if (key.length != Ed25519PublicKeyParameters.KEY_SIZE || sig.length != Ed25519PublicKeyParameters.KEY_SIZE * 2) {
                return false;
            }
            Ed25519Signer verifier = new Ed25519Signer();
            verifier.init(false, new Ed25519PublicKeyParameters(key, 0));
            verifier.update(message, 0, message.length);
            return verifier.verifySignature(sig);
        } catch (RuntimeException e) {
            // malformed hex or a point not on the curve: simply not a valid signature
            return false;
        }
    }
}
