package com.nextpanel.addons.catalog.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class VersionTest {

    @Test
    void ordersBySemVerPrecedenceIncludingPreReleases() {
        // The example from the SemVer 2.0 specification, section 11.
        List<String> expected = List.of("1.0.0-alpha", "1.0.0-alpha.1", "1.0.0-alpha.beta", "1.0.0-beta",
                "1.0.0-beta.2", "1.0.0-beta.11", "1.0.0-rc.1", "1.0.0", "1.0.1", "1.1.0", "1.10.0", "2.0.0");
        List<Version> shuffled = new ArrayList<>(expected.stream().map(Version::parse).toList());
        Collections.shuffle(shuffled, new java.util.Random(7));

        Collections.sort(shuffled);

        assertThat(shuffled).extracting(Version::toString).containsExactlyElementsOf(expected);
    }

    @Test
    void buildMetadataIsIgnoredForOrderingButKeptInText() {
        Version a = Version.parse("1.0.0+build.1");
        Version b = Version.parse("1.0.0+build.2");

        assertThat(a.compareTo(b)).isZero();
        assertThat(a).isNotEqualTo(b).hasToString("1.0.0+build.1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1.0", "1", "v1.0.0", " 1.0.0", "1.0.0 ", "01.0.0", "1.0.0-", "banana", ""})
    void rejectsTextThatIsNotExactlyASemVerVersion(String text) {
        assertThat(Version.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> Version.parse(text))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.VERSION_INVALID))
                .hasMessageContaining("'" + text + "'");
    }

    @Test
    void serialisesAsItsStringWithJackson() throws Exception {
        ObjectMapper mapper = new ObjectMapper();

        assertThat(mapper.writeValueAsString(Version.parse("1.2.3-rc.1"))).isEqualTo("\"1.2.3-rc.1\"");
        assertThat(mapper.readValue("\"2.0.0\"", Version.class)).isEqualTo(Version.of(2, 0, 0));
    }

    @Test
    void preReleaseIsRecognised() {
        assertThat(Version.parse("1.1.0-rc.1").isPreRelease()).isTrue();
        assertThat(Version.parse("1.1.0").isPreRelease()).isFalse();
    }
}
