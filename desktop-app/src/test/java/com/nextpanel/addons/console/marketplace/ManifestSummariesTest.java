package com.nextpanel.addons.console.marketplace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.catalog.client.SummaryJson;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManifestSummariesTest {

    @Test
    void aSignedManifestSummaryBecomesTheDetailsOfAVersion() throws Exception {
        var summary = new ObjectMapper().readTree("{\"id\":\"sms_notifications\",\"version\":\"1.0.0\",\"name\":\"SMS\","
                + "\"requires\":{\"core\":\">=1.0.0 <2.0.0\",\"addons\":{\"notification_hub\":\">=1.0.0 <2.0.0\"}},"
                + "\"permissions\":[\"billing.customers:read\"],\"routes\":[\"/api/v1/sms\"],\"tables\":[\"messages\"],"
                + "\"changelog\":[\"First release\",\"Sends through the hub\"],\"console\":{\"navigation\":[]}}");

        ListingVersion v = ManifestSummaries.toVersion(summary, 2048, "ab".repeat(32));

        assertThat(v.version()).isEqualTo("1.0.0");
        assertThat(v.requiresCore()).contains(">=1.0.0 <2.0.0");
        assertThat(v.requiresAddons()).containsEntry("notification_hub", ">=1.0.0 <2.0.0");
        assertThat(v.permissions()).containsExactly("billing.customers:read");
        assertThat(v.routes()).containsExactly("/api/v1/sms");
        assertThat(v.tables()).containsExactly("messages");
        assertThat(v.changelog()).contains("First release\nSends through the hub");
        assertThat(v.sizeBytes()).contains(2048L);
        assertThat(v.console()).isPresent();
    }

    @Test
    void aChangelogListingEveryVersionGivesTheEntryOfThisVersion() throws Exception {
        var summary = new ObjectMapper().readTree("{\"id\":\"ai_chatbot\",\"version\":\"1.1.0\",\"changelog\":["
                + "{\"version\":\"1.1.0\",\"changes\":[\"Sessions count their messages.\"]},"
                + "{\"version\":\"1.0.0\",\"changes\":[\"First release.\"]}]}");

        assertThat(ManifestSummaries.toVersion(summary, -1, null).changelog()).contains("Sessions count their messages.");
    }

    @Test
    void aMarkdownChangelogSignedWholeIntoEverySummaryGivesEachVersionItsOwnEntry() throws Exception {
        String log = "## 1.1.0\n- Sessions count their messages.\n\n## 1.1.0-beta\n- Beta.\n\n## [1.0.0] - 2026-01-02\n- First release.\n";
        var mapper = new ObjectMapper();

        assertThat(ManifestSummaries.changelog(mapper.createObjectNode().put("version", "1.1.0").put("changelog", log)))
                .contains("- Sessions count their messages.");
        assertThat(ManifestSummaries.changelog(mapper.createObjectNode().put("version", "1.0.0").put("changelog", log)))
                .contains("- First release.");
        // no heading names 2.0.0: the text is shown whole rather than hiding it
        assertThat(ManifestSummaries.changelog(mapper.createObjectNode().put("version", "2.0.0").put("changelog", log)))
                .contains(log.strip());
    }

    @Test
    void theTypedSummaryGivesTheSameVersionAsItsSignedJson() throws Exception {
        var mapper = new ObjectMapper();
        List<String> summaries = List.of(
                "{\"id\":\"bare\",\"version\":\"1.0.0\"}",
                "{\"id\":\"sms_notifications\",\"version\":\"1.2.0-rc.1\",\"name\":\"SMS\",\"category\":\"Notifications\","
                        + "\"requires\":{\"core\":\">=1.0.0 <2.0.0\",\"addons\":{\"notification_hub\":\"^1.0.0\",\"a_first\":\"*\"}},"
                        + "\"conflicts\":[\"old_sms\"],\"permissions\":[\"billing.customers:read\",\"billing.invoices:write\"],"
                        + "\"routes\":[\"/api/v1/sms\",\"/api/v1/sms/status\"],\"tables\":[\"messages\",\"queue\"],"
                        + "\"changelog\":\"## 1.2.0-rc.1\\n- Retries.\\n\\n## 1.0.0\\n- First release.\\n\"}",
                "{\"id\":\"ai_chatbot\",\"version\":\"1.1.0\",\"changelog\":\"Plain text, no heading.\","
                        + "\"console\":{\"navigation\":[{\"parent\":\"Support\",\"label\":\"Live Chats\",\"icon\":\"message-circle\","
                        + "\"view\":{\"type\":\"table\",\"route\":\"/api/v1/chats\",\"columns\":[{\"field\":\"id\",\"label\":\"Id\"}]}}]}}",
                "{\"id\":\"blank_log\",\"version\":\"2.0.0\",\"changelog\":\"   \",\"console\":{\"navigation\":[]}}");
        for (String json : summaries) {
            ManifestSummary typed = SummaryJson.fromCustom(mapper.readTree(json), "test");

            assertThat(ManifestSummaries.toVersion(typed, 99, "cd".repeat(32)))
                    .as(json)
                    .isEqualTo(ManifestSummaries.toVersion(SummaryJson.toCustom(typed), 99, "cd".repeat(32)));
        }
    }

    @Test
    void versionsOrderBySemVerWithPreReleasesBelowReleases() {
        assertThat(Versions.compare("1.10.0", "1.9.0")).isPositive();
        assertThat(Versions.compare("2.0.0-rc.1", "2.0.0")).isNegative();
        assertThat(Versions.isNewer("1.1.0", "1.0.0")).isTrue();
        assertThat(Versions.isNewer("1.0.0", "1.0.0")).isFalse();
    }
}
