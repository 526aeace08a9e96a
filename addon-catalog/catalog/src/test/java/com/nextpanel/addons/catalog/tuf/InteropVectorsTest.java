package com.nextpanel.addons.catalog.tuf;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Metadata signed by python-tuf (its test repository, tests/repository_data/repository/metadata): our canonical
 * JSON and Ed25519 verification accept its signature, and our key id computation reproduces its key id.
 */
class InteropVectorsTest {

    static final String PYTHON_TUF_TIMESTAMP = """
            {
             "signatures": [
              {
               "keyid": "3f09f6468a522bea0364a23315872d8400875dfdb24ff4ecd32f27164d5c23c1",
               "method": "ed25519",
               "sig": "1749729587ae99bdbaeff59562f1a06cfa3f2b8c31d0b82b8f10fcb4cc5fbf21a0df885e57994bae1b542b814cafaf506d357618515c18d8b5e4b23b90e26506"
              }
             ],
             "signed": {
              "_type": "Timestamp",
              "expires": "2030-01-01T00:00:00Z",
              "meta": {
               "snapshot.json": {
                "hashes": {
                 "sha256": "b55cf3ef997ca2d2be2ec921cdc8ab278ee77748041f9426dbe4ce1b2c8ba781"
                },
                "length": 636,
                "version": 1
               }
              },
              "version": 1
             }
            }""";

    static final String PUBLIC_KEY = "52de9284608be6b718a9d88c7c5d8d9d93b33732e00d670dd4ebe4bce8bbc83c";
    static final String KEY_ID = "3f09f6468a522bea0364a23315872d8400875dfdb24ff4ecd32f27164d5c23c1";

    @Test
    void verifiesASignatureMadeByPythonTuf() {
        SignedEnvelope envelope = SignedEnvelope.parse(PYTHON_TUF_TIMESTAMP.getBytes(StandardCharsets.UTF_8), "timestamp.json");
        TufKey key = new TufKey("ed25519", "ed25519", PUBLIC_KEY);

        assertThat(key.verifies(envelope.canonicalSigned(), envelope.signatures().get(0).sigHex())).isTrue();
        List<String> signers = Signatures.verifyThreshold(envelope, Map.of(KEY_ID, key), new RoleKeys(List.of(KEY_ID), 1),
                "timestamp", "timestamp.json");
        assertThat(signers).containsExactly(KEY_ID);
    }

    @Test
    void rejectsThePythonTufSignatureOnceOneValueChanges() {
        String tampered = PYTHON_TUF_TIMESTAMP.replace("\"length\": 636", "\"length\": 637");
        SignedEnvelope envelope = SignedEnvelope.parse(tampered.getBytes(StandardCharsets.UTF_8), "timestamp.json");

        assertThat(new TufKey("ed25519", "ed25519", PUBLIC_KEY)
                .verifies(envelope.canonicalSigned(), envelope.signatures().get(0).sigHex())).isFalse();
    }

    @Test
    void keyIdIsTheSha256OfTheCanonicalKeyObject() {
        // python-tuf's key object of that era carried keyid_hash_algorithms; the id covers the whole object
        ObjectNode key = TufJson.object();
        key.putArray("keyid_hash_algorithms").add("sha256").add("sha512");
        key.put("keytype", "ed25519");
        key.putObject("keyval").put("public", PUBLIC_KEY);

        assertThat(Hashes.sha256Hex(CanonicalJson.encode(key))).isEqualTo(KEY_ID);
        assertThat(new TufKey("ed25519", "ed25519", PUBLIC_KEY).keyId())
                .isEqualTo(Hashes.sha256Hex(("{\"keytype\":\"ed25519\",\"keyval\":{\"public\":\"" + PUBLIC_KEY
                        + "\"},\"scheme\":\"ed25519\"}").getBytes(StandardCharsets.UTF_8)));
    }
}
