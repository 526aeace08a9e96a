package com.nextpanel.addons.catalog.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSummaryTest {

    private final ObjectMapper plainMapper = new ObjectMapper();

    private static Manifest manifest() {
        return ManifestReader.read(ManifestReaderTest.VALID.getBytes(StandardCharsets.UTF_8), "addon.json");
    }

    @Test
    void carriesWhatTheAdministratorDecidesOnPlusTheTables() {
        ManifestSummary summary = ManifestSummary.fromManifest(manifest(), List.of("messages"));

        assertThat(summary.id()).isEqualTo("sms_notifications");
        assertThat(summary.tables()).containsExactly("messages");
        assertThat(summary.routes()).containsExactly("/api/v1/sms");
        assertThat(summary.requires().addons()).containsOnlyKeys("notification_hub");
        assertThat(summary.console().navigation()).hasSize(1);
        assertThat(summary.coordinates()).isEqualTo("sms_notifications@1.2.0");
    }

    @Test
    void roundTripsThroughJsonWithAPlainObjectMapper() throws Exception {
        ManifestSummary summary = ManifestSummary.fromManifest(manifest(), List.of("messages", "receipts"));

        String json = plainMapper.writeValueAsString(summary);
        ManifestSummary back = plainMapper.readValue(json, ManifestSummary.class);

        assertThat(back).isEqualTo(summary);
        JsonNode tree = plainMapper.readTree(json);
        assertThat(tree.get("version").asText()).isEqualTo("1.2.0");
        assertThat(tree.get("requires").get("core").asText()).isEqualTo(">=1.0.0 <2.0.0");
        assertThat(tree.get("permissions").get(0).asText()).isEqualTo("billing.customers:read");
        assertThat(tree.findValues("").size()).isZero();
    }

    @Test
    void absentOptionalPartsStayOutOfTheJsonAndComeBackEmpty() throws Exception {
        String minimal = """
                {"id": "tiny", "name": "Tiny", "version": "0.1.0", "description": "d", "category": "c",
                 "entrypoint": "a.B", "requires": {"core": "*"}}
                """;
        ManifestSummary summary = ManifestSummary.fromManifest(
                ManifestReader.read(minimal.getBytes(StandardCharsets.UTF_8), "addon.json"), List.of());

        JsonNode tree = plainMapper.valueToTree(summary);
        ManifestSummary back = plainMapper.treeToValue(tree, ManifestSummary.class);

        assertThat(tree.has("changelog")).isFalse();
        assertThat(tree.has("tables")).isFalse();
        assertThat(back).isEqualTo(summary);
        assertThat(back.console()).isEqualTo(Console.NONE);
    }

    @Test
    void manifestItselfRoundTripsThroughJson() throws Exception {
        Manifest m = manifest();

        byte[] json = plainMapper.writeValueAsBytes(m);

        assertThat(ManifestReader.read(json, "round-trip")).isEqualTo(m);
    }

    @Test
    void carriesTheConsoleSectionAndTheChangelogSoTheConsoleNeedsNoPackage() throws Exception {
        ManifestSummary summary = ManifestSummary.fromManifest(manifest(), List.of("messages"));

        JsonNode tree = plainMapper.valueToTree(summary);

        assertThat(tree.get("changelog").asText()).isEqualTo("1.2.0: delivery receipts");
        assertThat(tree.get("console").get("navigation").get(0).get("view").get("type").asText()).isEqualTo("table");
        assertThat(tree.get("console").get("navigation").get(0).get("view").get("columns")).isNotEmpty();
    }

    @Test
    void aLongChangelogIsCutAtALineBreakSoEveryTargetStaysSmall() {
        StringBuilder log = new StringBuilder();
        for (int release = 500; release > 0; release--) {
            log.append("## 1.").append(release).append(".0\n- fixed something in release ").append(release).append("\n\n");
        }
        String manifest = ManifestReaderTest.VALID.replace("\"changelog\": \"1.2.0: delivery receipts\"",
                "\"changelog\": " + new com.fasterxml.jackson.databind.node.TextNode(log.toString()));

        ManifestSummary summary = ManifestSummary.fromManifest(
                ManifestReader.read(manifest.getBytes(StandardCharsets.UTF_8), "addon.json"), List.of());

        assertThat(summary.changelog()).hasSizeLessThanOrEqualTo(ManifestSummary.MAX_CHANGELOG_CHARS)
                .startsWith("## 1.500.0\n- fixed something in release 500")
                .endsWith(ManifestSummary.CHANGELOG_CUT);
        String kept = summary.changelog().substring(0, summary.changelog().length() - ManifestSummary.CHANGELOG_CUT.length());
        assertThat(log.toString()).startsWith(kept + "\n");
    }
}
