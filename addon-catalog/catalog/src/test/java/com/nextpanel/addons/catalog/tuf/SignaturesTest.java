package com.nextpanel.addons.catalog.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignaturesTest {

    final SecureRandom random = new SecureRandom();
    final ObjectNode signed = TufJson.object().put("_type", "targets").put("version", 3);

    @Test
    void theSamePublicKeyListedUnderTwoIdsCountsOnce() {
        SigningKey key = SigningKey.generate(random);
        String sig = key.signHex(CanonicalJson.encode(signed));
        SignedEnvelope envelope = new SignedEnvelope(signed, List.of(new Signature("id-a", sig), new Signature("id-b", sig)));
        Map<String, TufKey> keys = Map.of("id-a", key.publicKey(), "id-b", key.publicKey());

        assertThatThrownBy(() -> Signatures.verifyThreshold(envelope, keys, new RoleKeys(List.of("id-a", "id-b"), 2),
                "targets", "targets.json"))
                .isInstanceOfSatisfying(CatalogException.class,
                        e -> assertThat(e.code()).isEqualTo(ErrorCode.SIGNATURE_THRESHOLD_NOT_MET));
    }

    @Test
    void aSignatureFromAKeyOfAnotherRoleDoesNotCount() {
        SigningKey targets = SigningKey.generate(random);
        SigningKey snapshot = SigningKey.generate(random);
        SignedEnvelope envelope = SignedEnvelope.sign(signed, List.of(snapshot));
        Map<String, TufKey> keys = Map.of(targets.keyId(), targets.publicKey(), snapshot.keyId(), snapshot.publicKey());

        assertThatThrownBy(() -> Signatures.verifyThreshold(envelope, keys, new RoleKeys(List.of(targets.keyId()), 1),
                "targets", "targets.json")).hasMessageContaining("targets.json: signed by 0 valid targets key(s)");
    }

    @Test
    void garbageSignaturesAreIgnoredNotFatal() {
        SigningKey key = SigningKey.generate(random);
        SignedEnvelope good = SignedEnvelope.sign(signed, List.of(key));
        SignedEnvelope envelope = new SignedEnvelope(signed, List.of(new Signature(key.keyId(), "zz-not-hex"),
                new Signature(key.keyId(), "00".repeat(64)), good.signatures().get(0)));

        assertThat(Signatures.verifyThreshold(envelope, Map.of(key.keyId(), key.publicKey()),
                new RoleKeys(List.of(key.keyId()), 1), "targets", "targets.json")).containsExactly(key.keyId());
    }

    @Test
    void aPrivateKeyFileRoundTripsAndSignsTheSame() {
        SigningKey key = SigningKey.generate(random);
        SigningKey back = SigningKey.fromPrivateJson(key.toPrivateJson(), "k.key");

        assertThat(back).isEqualTo(key);
        assertThat(back.publicKey().verifies(new byte[] {1, 2}, key.signHex(new byte[] {1, 2}))).isTrue();
    }
}
