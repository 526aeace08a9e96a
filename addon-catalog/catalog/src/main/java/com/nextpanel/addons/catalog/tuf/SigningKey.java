package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.security.SecureRandom;
import java.util.Arrays;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.util.encoders.Hex;

/** An Ed25519 private key (Bouncy Castle lightweight API) with its public half. */
public final class SigningKey {

    private final byte[] seed;
    private final TufKey publicKey;

    private SigningKey(byte[] seed) {
        this.seed = seed.clone();
        Ed25519PrivateKeyParameters params = new Ed25519PrivateKeyParameters(seed, 0);
        this.publicKey = TufKey.ed25519(params.generatePublicKey().getEncoded());
    }

    public static SigningKey generate(SecureRandom random) {
        return new SigningKey(new Ed25519PrivateKeyParameters(random).getEncoded());
    }

    public static SigningKey fromSeed(byte[] seed) {
        if (seed.length != Ed25519PrivateKeyParameters.KEY_SIZE) {
            throw new IllegalArgumentException("an Ed25519 seed has 32 bytes, not " + seed.length);
        }
        return new SigningKey(seed);
    }

    public TufKey publicKey() {
        return publicKey;
    }

    public String keyId() {
        return publicKey.keyId();
    }

    /** @return the signature in lower-case hex */
    public String signHex(byte[] message) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.update(message, 0, message.length);
        return Hex.toHexString(signer.generateSignature());
    }

    /** The private key file form, securesystemslib style: the public key object plus {@code keyval.private}. */
    public ObjectNode toPrivateJson() {
        ObjectNode node = publicKey.toJson();
        ((ObjectNode) node.get("keyval")).put("private", Hex.toHexString(seed));
        return node;
    }

    public static SigningKey fromPrivateJson(JsonNode node, String where) {
        TufKey declared = TufKey.fromJson(node, where);
        JsonNode privateHex = node.path("keyval").path("private");
        if (!TufKey.ED25519.equals(declared.keyType()) || !privateHex.isTextual()) {
            throw new CatalogException(ErrorCode.KEY_INVALID, where + ": not an ed25519 private key");
        }
        SigningKey key;
        try {
            key = fromSeed(Hex.decodeStrict(privateHex.textValue()));
        } catch (RuntimeException e) {
            throw new CatalogException(ErrorCode.KEY_INVALID, where + ": keyval.private is not a 32-byte hex seed", e);
        }
        if (!key.publicKey().equals(declared)) {
            throw new CatalogException(ErrorCode.KEY_INVALID, where + ": the public key does not belong to the private key");
        }
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey other && Arrays.equals(seed, other.seed);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(seed);
    }

    @Override
    public String toString() {
        return "SigningKey[" + keyId() + "]";
    }
}
