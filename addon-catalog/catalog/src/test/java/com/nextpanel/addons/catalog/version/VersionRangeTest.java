package com.nextpanel.addons.catalog.version;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class VersionRangeTest {

    @ParameterizedTest(name = "{0} contains {1}: {2}")
    @CsvSource(delimiter = ';', value = {
            "^1.2            ; 1.2.0       ; true",
            "^1.2            ; 1.9.9       ; true",
            "^1.2            ; 2.0.0       ; false",
            "^1.2            ; 1.1.9       ; false",
            ">=1.0.0 <2.0.0  ; 1.0.0       ; true",
            ">=1.0.0 <2.0.0  ; 1.99.0      ; true",
            ">=1.0.0 <2.0.0  ; 2.0.0       ; false",
            ">= 1.0.0 < 2.0.0; 1.5.0       ; true",
            "~1.2.3          ; 1.2.9       ; true",
            "~1.2.3          ; 1.3.0       ; false",
            "*               ; 0.0.1       ; true",
            "1.x             ; 1.4.0       ; true",
            "^1.0 || ^3.0    ; 3.1.0       ; true",
            "^1.0 || ^3.0    ; 2.1.0       ; false",
            ">=1.0.0         ; 1.5.0-rc.1  ; false",
            ">=1.5.0-rc.0    ; 1.5.0-rc.1  ; true",
            "=1.0.0          ; 1.0.0       ; true",
    })
    void decidesWhichVersionsSatisfyIt(String range, String version, boolean expected) {
        assertThat(VersionRange.parse(range.trim()).isSatisfiedBy(Version.parse(version.trim()))).isEqualTo(expected);
    }

    @ParameterizedTest
    @ValueSource(strings = {"banana", "", "   ", ">=x", ">=1.0.0 <2.0.0 junk", "<>1", "^1.2 ||", "1.0.0.0", ">>1.0.0"})
    void rejectsTextThatIsNotARange(String text) {
        assertThat(VersionRange.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> VersionRange.parse(text))
                .isInstanceOfSatisfying(CatalogException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.RANGE_INVALID));
    }

    @Test
    void keepsItsOriginalTextAndSerialisesAsIt() throws Exception {
        VersionRange range = VersionRange.parse(">=1.0.0 <2.0.0");
        ObjectMapper mapper = new ObjectMapper();

        assertThat(range).hasToString(">=1.0.0 <2.0.0");
        assertThat(mapper.writeValueAsString(range)).isEqualTo("\">=1.0.0 <2.0.0\"");
        assertThat(mapper.readValue("\"^1.2\"", VersionRange.class)).isEqualTo(VersionRange.parse("^1.2"));
    }
}
