package com.nextpanel.addons.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.nextpanel.addons.catalog.tuf.TufJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The "done when": after any value in any metadata file, or any byte of any package, of a published
 * catalog is changed, {@code verify} exits 1 and names the file. Every leaf value of every metadata file and
 * every byte of a package is changed in turn (and put back).
 */
class TamperedCatalogTest {

    @TempDir
    Path tmp;
    Path catalog;

    @BeforeEach
    void publishACatalogWithARootRotation() throws IOException {
        Path keys = tmp.resolve("keys");
        catalog = tmp.resolve("catalog");
        assertThat(CliRun.run("keygen", "--out", keys.toString()).exitCode()).isZero();
        assertThat(CliRun.run("publish", "--catalog", catalog.toString(), "--keys", keys.toString(),
                TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0").toString()).exitCode()).isZero();
        assertThat(CliRun.run("publish", "--catalog", catalog.toString(), "--keys", keys.toString(), "--expires", "root=300d",
                TestPackages.zip(tmp.resolve("in"), "sms_notifications", "1.0.0").toString()).exitCode()).isZero();
        assertThat(verify().exitCode()).isZero();
    }

    CliRun verify() {
        return CliRun.run("verify", "--catalog", catalog.toString(), "--root", catalog.resolve("root.json").toString());
    }

    @Test
    void changingAnyValueInAnyMetadataFileFailsVerifyNamingTheFile() throws IOException {
        int changes = 0;
        for (String name : List.of("root.json", "1.root.json", "2.root.json", "timestamp.json", "snapshot.json", "targets.json")) {
            Path file = catalog.resolve(name);
            byte[] original = Files.readAllBytes(file);
            JsonNode tree = TufJson.parseObject(original, name);
            for (JsonPointer leaf : leaves(tree, JsonPointer.empty())) {
                JsonNode changed = tree.deepCopy();
                change(changed, leaf);
                Files.write(file, TufJson.pretty(changed));

                CliRun run = verify();

                assertThat(run.exitCode()).as(name + leaf + " changed: " + run).isEqualTo(1);
                assertThat(run.err()).as(name + leaf + " changed").contains(file.toString());
                Files.write(file, original);
                changes++;
            }
        }
        assertThat(changes).isGreaterThan(80);
        assertThat(verify().exitCode()).isZero();
    }

    @Test
    void changingAnyByteOfAnyPackageFailsVerifyNamingThePackage() throws IOException {
        for (String name : List.of("packages/ai_chatbot-1.0.0.zip", "packages/sms_notifications-1.0.0.zip")) {
            Path file = catalog.resolve(name);
            byte[] original = Files.readAllBytes(file);
            // the first package: every byte of its first local header and of its end record, every 13th between;
            // the second: every 41st. (The check is one SHA-256 over all bytes; this keeps the run short.)
            boolean dense = name.contains("ai_chatbot");
            for (int i = 0; i < original.length; i += !dense ? 41 : i < 40 || i >= original.length - 30 ? 1 : 13) {
                byte[] changed = original.clone();
                changed[i] ^= 0x20;
                Files.write(file, changed);

                CliRun run = verify();

                assertThat(run.exitCode()).as(name + " byte " + i).isEqualTo(1);
                assertThat(run.err()).contains(file.toString());
            }
            Files.write(file, original);
        }
        assertThat(verify().exitCode()).isZero();
    }

    private static List<JsonPointer> leaves(JsonNode node, JsonPointer at) {
        List<JsonPointer> out = new ArrayList<>();
        if (node.isObject()) {
            node.fieldNames().forEachRemaining(f -> out.addAll(leaves(node.get(f), at.appendProperty(f))));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                out.addAll(leaves(node.get(i), at.appendIndex(i)));
            }
        } else {
            out.add(at);
        }
        return out;
    }

    private static void change(JsonNode root, JsonPointer leaf) {
        JsonNode parent = root.at(leaf.head());
        JsonNode old = root.at(leaf);
        JsonNode replacement;
        if (old.isTextual()) {
            String s = old.textValue();
            // flip the last character so that hex stays hex and dates stay dates where possible
            char last = s.isEmpty() ? 'a' : s.charAt(s.length() - 1);
            char flipped = last == '0' ? '1' : last == 'Z' ? 'X' : Character.isDigit(last) ? '0' : last == 'a' ? 'b' : 'a';
            replacement = TextNode.valueOf(s.isEmpty() ? "a" : s.substring(0, s.length() - 1) + flipped);
        } else if (old.isNumber()) {
            replacement = JsonNodeFactory.instance.numberNode(old.longValue() + 1);
        } else if (old.isBoolean()) {
            replacement = BooleanNode.valueOf(!old.booleanValue());
        } else {
            replacement = TextNode.valueOf("x");
        }
        if (parent.isObject()) {
            ((ObjectNode) parent).set(leaf.last().getMatchingProperty(), replacement);
        } else {
            ((ArrayNode) parent).set(leaf.last().getMatchingIndex(), replacement);
        }
    }
}
