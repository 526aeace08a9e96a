package com.nextpanel.addons.catalog.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The envelope keeps the canonical bytes it computed once; they must always be the bytes of what it holds. */
class SignedEnvelopeTest {

    private final SigningKey key = SigningKey.generate(new SecureRandom());

    private static ObjectNode signed() {
        ObjectNode node = TufJson.object().put("_type", "targets").put("version", 7).put("note", "say \"hi\" \\ bye");
        node.putObject("targets").putObject("packages/a-1.0.0.zip").put("length", 3);
        return node;
    }

    @Test
    void parsedEnvelopeCoversTheCanonicalFormOfItsSignedPartAndVerifies() {
        SignedEnvelope original = SignedEnvelope.sign(signed(), List.of(key));

        SignedEnvelope parsed = SignedEnvelope.parse(original.toBytes(), "targets.json");

        assertThat(parsed.canonicalSigned()).isEqualTo(CanonicalJson.encode(signed()));
        assertThat(parsed.signatures()).isEqualTo(original.signatures());
        assertThat(key.publicKey().verifies(parsed.canonicalSigned(), parsed.signatures().get(0).sigHex())).isTrue();
    }

    @Test
    void changingTheCallersTreeAfterwardsChangesNeitherTheSignedPartNorItsBytes() {
        ObjectNode tree = signed();
        SignedEnvelope envelope = new SignedEnvelope(tree, List.of());
        SignedEnvelope signedEnvelope = SignedEnvelope.sign(tree, List.of(key));

        tree.put("version", 8);

        assertThat(envelope.signed().get("version").intValue()).isEqualTo(7);
        assertThat(envelope.canonicalSigned()).isEqualTo(CanonicalJson.encode(signed()));
        assertThat(key.publicKey().verifies(signedEnvelope.canonicalSigned(), signedEnvelope.signatures().get(0).sigHex())).isTrue();
    }

    @Test
    void theBytesHandedOutAreACopy() {
        SignedEnvelope envelope = new SignedEnvelope(signed(), List.of());

        envelope.canonicalSigned()[0] = 'X';

        assertThat(new String(envelope.canonicalSigned(), StandardCharsets.UTF_8)).startsWith("{");
    }

    @Test
    void aFloatInTheSignedPartIsMalformedMetadataNamingTheFile() {
        byte[] bytes = "{\"signed\":{\"_type\":\"targets\",\"version\":1.5},\"signatures\":[]}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> SignedEnvelope.parse(bytes, "targets.json"))
                .isInstanceOfSatisfying(CatalogException.class, e -> {
                    assertThat(e.code()).isEqualTo(ErrorCode.METADATA_MALFORMED);
                    assertThat(e.getMessage()).startsWith("targets.json: ");
                });
    }
}
