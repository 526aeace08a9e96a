package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * A public key as root metadata lists it: {@code {"keytype":"ed25519","scheme":"ed25519","keyval":{"public":HEX}}}.
 *
 * @param keyType   the TUF key type; only {@code ed25519} verifies
 * @param scheme    the signature scheme; only {@code ed25519} verifies
 * @param publicHex the 32-byte public key in lower-case hex
 *
 * <p>Signatures are verified with the JDK's own Ed25519 (RFC 8032, {@code SunEC}), not Bouncy Castle: the signed
 * {@code bcprov} jar makes the JDK check its 855 KB signed manifest on first use, about 0.2 s of CPU in a client's
 * first catalog load (see src/docs/benchmarks.md, console). Both accept and reject the same signatures
 * ({@code TufKeyJdkVerificationTest} compares them); Bouncy Castle still signs ({@link SigningKey}). The JDK does not
 * refuse public keys of small order, with which a signature can be forged for any message; Bouncy Castle does, and so
 * does {@link #verifies} before it asks the JDK. The JDK checks the cofactorless equation, Bouncy Castle the
 * cofactored one: they differ only for signatures a key's holder crafts with a small-order component, which the JDK
 * (like libsodium) refuses.
 */
public record TufKey(String keyType, String scheme, String publicHex) {

    public static final String ED25519 = "ed25519";

    private static final int KEY_BYTES = 32;
    private static final int SIGNATURE_BYTES = 64;
    /** The DER SubjectPublicKeyInfo header of an Ed25519 key (RFC 8410): algorithm 1.3.101.112, then the 32 key bytes. */
    private static final byte[] X509_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    /** 2^255 - 20: encodings from here up are (0, -1) of order 2, or not canonical. */
    private static final BigInteger P_MINUS_ONE = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(20));
    /** The y coordinates of the points of order 8, encoded (little-endian), as Bouncy Castle lists them. */
    private static final byte[] ORDER8_Y1 = HexFormat.of().parseHex("c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a");
    private static final byte[] ORDER8_Y2 = HexFormat.of().parseHex("26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05");

    public static TufKey ed25519(byte[] publicKey) {
        return new TufKey(ED25519, ED25519, HexFormat.of().formatHex(publicKey));
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
        byte[] key;
        byte[] sig;
        try {
            key = HexFormat.of().parseHex(publicHex);
            sig = HexFormat.of().parseHex(signatureHex);
        } catch (IllegalArgumentException e) {
            return false; // not hex: not a valid signature
        }
        if (key.length != KEY_BYTES || sig.length != SIGNATURE_BYTES || smallOrderOrNotCanonical(key)) {
            return false;
        }
        try {
            java.security.Signature verifier = java.security.Signature.getInstance("Ed25519");
            verifier.initVerify(publicKey(key));
            verifier.update(message);
            return verifier.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            // a key that is not a point on the curve, or a malformed signature: simply not a valid signature
            return false;
        }
    }

    /**
     * Bouncy Castle's {@code checkPointFullVar}: whatever the sign bit, y = 0 (order 4), y = 1 (the identity),
     * y >= p - 1 (order 2, or not canonical) and the two y of the points of order 8.
     */
    private static boolean smallOrderOrNotCanonical(byte[] key) {
        byte[] y = key.clone();
        y[KEY_BYTES - 1] &= 0x7f;
        if (Arrays.equals(y, ORDER8_Y1) || Arrays.equals(y, ORDER8_Y2)) {
            return true;
        }
        byte[] bigEndian = new byte[KEY_BYTES];
        for (int i = 0; i < KEY_BYTES; i++) {
            bigEndian[i] = y[KEY_BYTES - 1 - i];
        }
        BigInteger value = new BigInteger(1, bigEndian);
        return value.compareTo(BigInteger.ONE) <= 0 || value.compareTo(P_MINUS_ONE) >= 0;
    }

    private static PublicKey publicKey(byte[] raw) throws GeneralSecurityException {
        byte[] encoded = new byte[X509_PREFIX.length + raw.length];
        System.arraycopy(X509_PREFIX, 0, encoded, 0, X509_PREFIX.length);
        System.arraycopy(raw, 0, encoded, X509_PREFIX.length, raw.length);
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(encoded));
    }
}
