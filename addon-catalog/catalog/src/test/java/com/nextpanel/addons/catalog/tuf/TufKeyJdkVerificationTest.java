package com.nextpanel.addons.catalog.tuf;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.bouncycastle.util.encoders.Hex;
import org.junit.jupiter.api.Test;

/**
 * {@link TufKey#verifies} checks Ed25519 with the JDK; it used to with Bouncy Castle. Both must accept and reject
 * exactly the same signatures, or a catalog one client accepts another would refuse (or worse, the reverse). Each
 * case is run through Bouncy Castle's verifier (the former code, kept here) and through {@link TufKey#verifies}.
 */
class TufKeyJdkVerificationTest {

    private static final HexFormat HEX = HexFormat.of();
    /** The order of the Ed25519 base point (RFC 8032). */
    private static final BigInteger L = BigInteger.TWO.pow(252).add(new BigInteger("27742317777372353535851937790883648493"));
    /** The field prime 2^255 - 19. */
    private static final BigInteger P = BigInteger.TWO.pow(255).subtract(BigInteger.valueOf(19));

    private final SecureRandom random = new SecureRandom(new byte[] {7});
    private final byte[] message = "{\"_type\":\"targets\",\"version\":3}".getBytes(StandardCharsets.UTF_8);

    /** Bouncy Castle's verification, as {@code TufKey.verifies} was written before it used the JDK. */
    private static boolean bouncyCastleVerifies(String publicHex, byte[] message, String signatureHex) {
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
            return false;
        }
    }

    private static void assertSameVerdict(String publicHex, byte[] message, String signatureHex, boolean expected, String what) {
        boolean bc = bouncyCastleVerifies(publicHex, message, signatureHex);
        boolean jdk = new TufKey(TufKey.ED25519, TufKey.ED25519, publicHex).verifies(message, signatureHex);
        assertThat(bc).as("Bouncy Castle, " + what).isEqualTo(expected);
        assertThat(jdk).as("JDK, " + what).isEqualTo(expected);
    }

    @Test
    void aGoodSignatureIsAcceptedByBoth() {
        for (int i = 0; i < 20; i++) {
            SigningKey key = SigningKey.generate(random);
            byte[] m = new byte[i * 37];
            random.nextBytes(m);
            assertSameVerdict(key.publicKey().publicHex(), m, key.signHex(m), true, "good signature " + i);
            // upper-case hex is the same key and signature
            assertSameVerdict(key.publicKey().publicHex().toUpperCase(), m, key.signHex(m).toUpperCase(), true, "upper case " + i);
        }
    }

    @Test
    void aSignatureByTheWrongKeyIsRejectedByBoth() {
        SigningKey signer = SigningKey.generate(random);
        SigningKey other = SigningKey.generate(random);

        assertSameVerdict(other.publicKey().publicHex(), message, signer.signHex(message), false, "wrong key");
    }

    @Test
    void everyChangedByteOfMessageSignatureOrKeyIsRejectedByBoth() {
        SigningKey key = SigningKey.generate(random);
        String sig = key.signHex(message);
        for (int i = 0; i < message.length; i++) {
            byte[] changed = message.clone();
            changed[i] ^= 1 << (i % 8);
            assertSameVerdict(key.publicKey().publicHex(), changed, sig, false, "message byte " + i + " changed");
        }
        byte[] s = HEX.parseHex(sig);
        for (int i = 0; i < s.length; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] changed = s.clone();
                changed[i] ^= 1 << bit;
                assertSameVerdict(key.publicKey().publicHex(), message, HEX.formatHex(changed), false,
                        "signature byte " + i + " bit " + bit);
            }
        }
        byte[] k = HEX.parseHex(key.publicKey().publicHex());
        for (int i = 0; i < k.length; i++) {
            byte[] changed = k.clone();
            changed[i] ^= 1 << (i % 8);
            assertSameVerdict(HEX.formatHex(changed), message, sig, false, "key byte " + i + " changed");
        }
    }

    @Test
    void malformedHexAndWrongLengthsAreRejectedByBoth() {
        SigningKey key = SigningKey.generate(random);
        String pub = key.publicKey().publicHex();
        String sig = key.signHex(message);

        assertSameVerdict(pub, message, "zz" + sig.substring(2), false, "not hex");
        assertSameVerdict(pub, message, sig.substring(1), false, "odd length");
        assertSameVerdict(pub, message, sig.substring(2), false, "63 bytes");
        assertSameVerdict(pub, message, sig + "00", false, "65 bytes");
        assertSameVerdict(pub, message, "", false, "empty");
        assertSameVerdict(pub.substring(2), message, sig, false, "31-byte key");
        assertSameVerdict(pub + "00", message, sig, false, "33-byte key");
        assertSameVerdict(" " + pub.substring(1), message, sig, false, "space in the key");
    }

    @Test
    void aNonCanonicalScalarIsRejectedByBoth() {
        SigningKey key = SigningKey.generate(random);
        byte[] sig = HEX.parseHex(key.signHex(message));
        BigInteger s = littleEndian(sig, 32);
        // S + L verifies the same equation; RFC 8032 requires S < L, and so do both
        byte[] malleable = sig.clone();
        putLittleEndian(s.add(L), malleable, 32);

        assertSameVerdict(key.publicKey().publicHex(), message, HEX.formatHex(malleable), false, "S + L");
    }

    @Test
    void smallOrderAndNonCanonicalKeysWithForgedSignaturesGetTheSameVerdict() {
        // The points of small order (the identity, order 2, 4 and 8) and non-canonical encodings (y >= p): with such a
        // "public key" a signature R = identity, S = 0 satisfies a cofactorless equation for every message.
        List<String> keys = new ArrayList<>(List.of(
                "0100000000000000000000000000000000000000000000000000000000000000",
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "0000000000000000000000000000000000000000000000000000000000000000",
                "0000000000000000000000000000000000000000000000000000000000000080",
                "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
                "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85",
                "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a",
                "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa",
                "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff",
                "ffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff"));
        byte[] yIsPPlusOne = new byte[32];
        putLittleEndian(P.add(BigInteger.ONE), yIsPPlusOne, 0);
        keys.add(HEX.formatHex(yIsPPlusOne));
        List<String> signatures = List.of(
                "01" + "00".repeat(31) + "00".repeat(32),
                "00".repeat(64),
                "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f" + "00".repeat(32),
                "0000000000000000000000000000000000000000000000000000000000000080" + "00".repeat(32),
                "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05" + "00".repeat(32),
                "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa" + "00".repeat(32));
        for (String k : keys) {
            for (String s : signatures) {
                boolean bc = bouncyCastleVerifies(k, message, s);
                boolean jdk = new TufKey(TufKey.ED25519, TufKey.ED25519, k).verifies(message, s);
                assertThat(jdk).as("key " + k + ", signature " + s).isEqualTo(bc).isFalse();
            }
        }
    }

    @Test
    void keysOfAnotherTypeOrSchemeNeverVerify() {
        SigningKey key = SigningKey.generate(random);
        String sig = key.signHex(message);
        TufKey good = key.publicKey();

        assertThat(good.verifies(message, sig)).isTrue();
        assertThat(new TufKey("rsa", TufKey.ED25519, good.publicHex()).verifies(message, sig)).isFalse();
        assertThat(new TufKey(TufKey.ED25519, "ecdsa-sha2-nistp256", good.publicHex()).verifies(message, sig)).isFalse();
    }

    private static BigInteger littleEndian(byte[] bytes, int offset) {
        byte[] be = new byte[32];
        for (int i = 0; i < 32; i++) {
            be[31 - i] = bytes[offset + i];
        }
        return new BigInteger(1, be);
    }

    private static void putLittleEndian(BigInteger value, byte[] out, int offset) {
        byte[] be = value.toByteArray();
        for (int i = 0; i < 32; i++) {
            int j = be.length - 1 - i;
            out[offset + i] = j >= 0 ? be[j] : 0;
        }
    }
}
