package com.nextpanel.addons.catalog.tuf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class CanonicalJsonTest {

    static String canonical(String json) throws Exception {
        JsonNode node = TufJson.mapper().readTree(json);
        return new String(CanonicalJson.encode(node), StandardCharsets.UTF_8);
    }

    /** The vectors of securesystemslib's test_formats.py (test_encode_canonical). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "`\"\"`              | `\"\"`",
        "[1, 2, 3]           | [1,2,3]",
        "[]                  | []",
        "{}                  | {}",
        "`{\"A\": [99]}`     | `{\"A\":[99]}`",
        "`{\"A\": true}`     | `{\"A\":true}`",
        "`{\"B\": false}`    | `{\"B\":false}`",
        "`{\"x\": 3, \"y\": 2}` | `{\"x\":3,\"y\":2}`",
        "`{\"y\": null, \"x\": 3}` | `{\"x\":3,\"y\":null}`"
    })
    void encodesTheSecuresystemslibVectors(String input, String expected) throws Exception {
        assertThat(canonical(input)).isEqualTo(expected);
    }

    @Test
    void escapesOnlyQuoteAndBackslashAndKeepsOtherCharactersRaw() throws Exception {
        assertThat(canonical("{\"k\": \"a\\\"b\\\\c\\nd\\u00e9\"}")).isEqualTo("{\"k\":\"a\\\"b\\\\c\nd\u00e9\"}");
    }

    @Test
    void sortsNestedKeysAndKeepsArrayOrder() throws Exception {
        assertThat(canonical("{\"b\": {\"z\": 1, \"a\": [3, 1]}, \"a\": 12345678901234567890}"))
                .isEqualTo("{\"a\":12345678901234567890,\"b\":{\"a\":[3,1],\"z\":1}}");
    }

    @Test
    void refusesFloatsAsSecuresystemslibDoes() {
        assertThatThrownBy(() -> canonical("{\"x\": 8.0}")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("integers only");
    }
}
