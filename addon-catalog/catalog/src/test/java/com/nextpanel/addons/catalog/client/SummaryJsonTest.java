package com.nextpanel.addons.catalog.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.tuf.TufJson;
import com.nextpanel.addons.catalog.version.Version;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SummaryJsonTest {

    private static JsonNode json(String text) {
        return TufJson.parseObject(text.getBytes(StandardCharsets.UTF_8), "test");
    }

    @Test
    void versionsReadFromManySummariesAreTheParsedVersionsWithTheirExactText() {
        for (String text : new String[] {"1.0.0", "1.1.0-rc.1", "1.0.0+build.7", "1.0.0", "10.20.30"}) {
            ManifestSummary s = SummaryJson.fromCustom(json("{\"id\":\"a\",\"version\":\"" + text + "\"}"), "t");

            assertThat(s.version()).isEqualTo(Version.parse(text));
            assertThat(s.version().toString()).isEqualTo(text);
        }
    }

    @Test
    void aVersionThatIsNotExactlySemVerIsRejectedNamingTheTargetEvenWhenItsValidFormWasReadBefore() {
        SummaryJson.fromCustom(json("{\"id\":\"a\",\"version\":\"1.2.3\"}"), "t");

        for (String bad : new String[] {"\"v1.2.3\"", "\" 1.2.3\"", "\"1.2\"", "\"01.2.3\"", "123", "null", "[\"1.2.3\"]"}) {
            assertThatThrownBy(() -> SummaryJson.fromCustom(json("{\"id\":\"a\",\"version\":" + bad + "}"),
                    "targets.json: packages/a-1.2.3.zip"))
                    .as(bad)
                    .isInstanceOfSatisfying(CatalogException.class, e -> {
                        assertThat(e.code()).isEqualTo(ErrorCode.METADATA_MALFORMED);
                        assertThat(e.getMessage()).startsWith("targets.json: packages/a-1.2.3.zip: ");
                    });
        }
    }

    @Test
    void aCustomWithoutAnIdOrVersionIsNoSummary() {
        assertThatThrownBy(() -> SummaryJson.fromCustom(json("{\"id\":\"a\"}"), "t"))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.METADATA_MALFORMED));
    }
}
