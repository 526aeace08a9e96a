package com.nextpanel.addons.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class JsonTest {

    private record Session(long id, String title, List<String> tags, Optional<String> customer) {
    }

    private enum Channel { SMS, EMAIL }

    @Nested
    class Writing {

        @Test
        void writesScalarsCompactly() {
            assertThat(Json.write(null)).isEqualTo("null");
            assertThat(Json.write(true)).isEqualTo("true");
            assertThat(Json.write(false)).isEqualTo("false");
            assertThat(Json.write(42)).isEqualTo("42");
            assertThat(Json.write(-7L)).isEqualTo("-7");
            assertThat(Json.write(1.5d)).isEqualTo("1.5");
            assertThat(Json.write(new BigDecimal("12.340"))).isEqualTo("12.340");
            assertThat(Json.write(new BigInteger("123456789012345678901234567890")))
                    .isEqualTo("123456789012345678901234567890");
            assertThat(Json.write(new AtomicLong(9))).isEqualTo("9");
            assertThat(Json.write("hi")).isEqualTo("\"hi\"");
            assertThat(Json.write('x')).isEqualTo("\"x\"");
        }

        @Test
        void writesMapsInTheirIterationOrderAndListsAndArrays() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("b", 1);
            map.put("a", List.of(1, "two", Map.of()));
            map.put("c", null);
            map.put("d", new int[] {1, 2});
            map.put("e", new String[] {"x"});
            map.put("f", List.of());
            assertThat(Json.write(map)).isEqualTo("{\"b\":1,\"a\":[1,\"two\",{}],\"c\":null,\"d\":[1,2],\"e\":[\"x\"],\"f\":[]}");
        }

        @Test
        void writesRecordsAsObjectsOfTheirComponentsInOrderEvenWhenPrivate() {
            Session session = new Session(3, "Billing question", List.of("vip"), Optional.empty());
            assertThat(Json.write(session))
                    .isEqualTo("{\"id\":3,\"title\":\"Billing question\",\"tags\":[\"vip\"],\"customer\":null}");
            assertThat(Json.write(List.of(new Session(1, "a", List.of(), Optional.of("c7")))))
                    .isEqualTo("[{\"id\":1,\"title\":\"a\",\"tags\":[],\"customer\":\"c7\"}]");
        }

        @Test
        void writesTimesAsIsoTextAndEnumsByNameAndUuidsAsText() {
            OffsetDateTime at = OffsetDateTime.of(2026, 11, 25, 21, 5, 0, 0, ZoneOffset.UTC);
            UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
            assertThat(Json.write(List.of(at, Instant.parse("2026-01-02T03:04:05Z"), LocalDate.of(2026, 2, 3),
                    Channel.SMS, uuid)))
                    .isEqualTo("[\"2026-11-25T21:05Z\",\"2026-01-02T03:04:05Z\",\"2026-02-03\",\"SMS\","
                            + "\"123e4567-e89b-12d3-a456-426614174000\"]");
        }

        @Test
        void escapesQuotesBackslashesAndEveryControlCharacter() {
            assertThat(Json.write("a\"b\\c/d")).isEqualTo("\"a\\\"b\\\\c/d\"");
            assertThat(Json.write("\n\r\t\b\f")).isEqualTo("\"\\n\\r\\t\\b\\f\"");
            assertThat(Json.write("\u0000\u0001\u001f")).isEqualTo("\"\\u0000\\u0001\\u001f\"");
            for (char c = 0; c < 0x20; c++) {
                String written = Json.write(String.valueOf(c));
                assertThat(written.chars().noneMatch(ch -> ch < 0x20)).as("U+%04X", (int) c).isTrue();
                assertThat(Json.parse(written)).isEqualTo(String.valueOf(c));
            }
        }

        @Test
        void writesNonAsciiAsItIsAndLoneSurrogatesAsEscapes() {
            assertThat(Json.write("Grüße 😀 中文")).isEqualTo("\"Grüße 😀 中文\"");
            assertThat(Json.write("x\ud800y")).isEqualTo("\"x\\ud800y\"");
            assertThat(Json.write("\udc00")).isEqualTo("\"\\udc00\"");
        }

        @Test
        void refusesNonFiniteNumbers() {
            assertThatThrownBy(() -> Json.write(Double.NaN)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("NaN");
            assertThatThrownBy(() -> Json.write(Float.POSITIVE_INFINITY))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("Infinity");
        }

        @Test
        void refusesNonStringKeysNamingTheirType() {
            assertThatThrownBy(() -> Json.write(Map.of(1, "one"))).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.Integer");
            Map<String, Object> withNullKey = new TreeMap<>((a, b) -> a == null ? -1 : b == null ? 1 : a.compareTo(b));
            withNullKey.put(null, 1);
            assertThatThrownBy(() -> Json.write(withNullKey)).hasMessageContaining("null");
        }

        @Test
        void refusesUnknownTypesNamingTheClass() {
            assertThatThrownBy(() -> Json.write(new Object())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("java.lang.Object");
        }

        @Test
        void refusesCyclesInsteadOfOverflowingTheStack() {
            List<Object> cycle = new ArrayList<>();
            cycle.add(cycle);
            assertThatThrownBy(() -> Json.write(cycle)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("deeper than " + Json.MAX_DEPTH);
        }
    }

    @Nested
    class Reading {

        @Test
        void readsScalarsIntoTheDocumentedTypes() {
            assertThat(Json.parse("null")).isNull();
            assertThat(Json.parse("true")).isEqualTo(Boolean.TRUE);
            assertThat(Json.parse("false")).isEqualTo(Boolean.FALSE);
            assertThat(Json.parse("0")).isEqualTo(0L);
            assertThat(Json.parse("-12")).isEqualTo(-12L);
            assertThat(Json.parse("9223372036854775807")).isEqualTo(Long.MAX_VALUE);
            assertThat(Json.parse("-9223372036854775808")).isEqualTo(Long.MIN_VALUE);
            assertThat(Json.parse("9223372036854775808")).isEqualTo(new BigDecimal("9223372036854775808"));
            assertThat(Json.parse("1.50")).isEqualTo(new BigDecimal("1.50"));
            assertThat(Json.parse("-0.5e-3")).isEqualTo(new BigDecimal("-0.5e-3"));
            assertThat(Json.parse("2E+2")).isEqualTo(new BigDecimal("2E+2"));
            assertThat(Json.parse("\"text\"")).isEqualTo("text");
        }

        @Test
        void readsObjectsInTheirOrderAndNestedArrays() {
            Object value = Json.parse(" {\"z\": [1, {\"k\": [ ]}, \"s\"], \"a\" : {} }\n");
            assertThat(value).isInstanceOf(Map.class);
            @SuppressWarnings("unchecked")
            Map<String, Object> map = (Map<String, Object>) value;
            assertThat(map.keySet()).containsExactly("z", "a");
            assertThat(map.get("z")).isEqualTo(List.of(1L, Map.of("k", List.of()), "s"));
            assertThat(map.get("a")).isEqualTo(Map.of());
        }

        @Test
        void readsEveryEscapeIncludingSurrogatePairs() {
            assertThat(Json.parse("\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t\"")).isEqualTo("\" \\ / \b \f \n \r \t");
            assertThat(Json.parse("\"\\u00e9\\u00C9\\u4e2d\"")).isEqualTo("éÉ中");
            assertThat(Json.parse("\"\\ud83d\\ude00\"")).isEqualTo("😀");
            assertThat(Json.parse("\"😀 raw\"")).isEqualTo("😀 raw");
        }

        @Test
        void parseObjectRefusesOtherValuesSayingWhatItFound() {
            assertThatThrownBy(() -> Json.parseObject("[1]")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("expected a JSON object but found an array");
            assertThatThrownBy(() -> Json.parseObject("null")).hasMessage("expected a JSON object but found null");
            assertThat(Json.parseObject("{\"a\":1}")).containsEntry("a", 1L);
        }

        @Test
        void refusesNestingBeyondTheLimitNamingTheOffset() {
            String deep = "[".repeat(Json.MAX_DEPTH + 1) + "]".repeat(Json.MAX_DEPTH + 1);
            assertThatThrownBy(() -> Json.parse(deep)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("malformed JSON at offset " + Json.MAX_DEPTH + ": nesting deeper than "
                            + Json.MAX_DEPTH + " levels");
            String allowed = "[".repeat(Json.MAX_DEPTH) + "]".repeat(Json.MAX_DEPTH);
            assertThat(Json.parse(allowed)).isInstanceOf(List.class);
        }

        @ParameterizedTest(name = "{0} fails at offset {1}")
        @CsvSource(delimiter = '|', textBlock = """
                ''                  | 0  | unexpected end of text, expected a value
                '   '               | 3  | unexpected end of text, expected a value
                '{'                 | 1  | unexpected end of text, expected an object key
                '{"a" 1}'           | 5  | unexpected '1', expected ':' after an object key
                '{"a":1,}'          | 7  | unexpected '}', expected an object key
                '{"a":1 "b":2}'     | 7  | unexpected '"', expected ',' or '}' in an object
                '{a:1}'             | 1  | unexpected 'a', expected an object key
                '[1,]'              | 3  | unexpected ']', expected a value
                '[1 2]'             | 3  | unexpected '2', expected ',' or ']' in an array
                '[1'                | 2  | unexpected end of text, expected ',' or ']' in an array
                '1 2'               | 2  | unexpected '2' after the JSON value
                'tru'               | 0  | unexpected 't', expected a value
                'nul'               | 0  | unexpected 'n', expected a value
                'True'              | 0  | unexpected 'T', expected a value
                '01'                | 1  | unexpected '1' after the JSON value
                '-'                 | 1  | expected a digit in a number
                '1.'                | 2  | expected a digit after the decimal point
                '.5'                | 0  | unexpected '.', expected a value
                '1e'                | 2  | expected a digit in the exponent
                '+1'                | 0  | unexpected '+', expected a value
                'NaN'               | 0  | unexpected 'N', expected a value
                '"abc'              | 0  | unterminated string
                '["ok", "\\x"]'     | 8  | invalid escape \\x
                '"\\u12"'           | 1  | \\u escape needs four hex digits
                '"\\u12G4"'         | 1  | \\u escape needs four hex digits
                '{"a":1,"a":2}'     | 7  | duplicate key "a"
                '/* c */ 1'         | 0  | unexpected '/', expected a value
                """)
        void refusesMalformedTextNamingTheOffset(String text, int offset, String reason) {
            assertThatThrownBy(() -> Json.parse(text)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("malformed JSON at offset " + offset + ": " + reason);
        }

        @Test
        void refusesUnescapedControlCharactersNamingThem() {
            assertThatThrownBy(() -> Json.parse("\"a\nb\"")).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("malformed JSON at offset 2: unescaped control character U+000A in a string");
            assertThatThrownBy(() -> Json.parse("\"\u0000\"")).hasMessageContaining("U+0000");
        }

        @Test
        void refusesNonAsciiDigitsInUnicodeEscapes() {
            assertThatThrownBy(() -> Json.parse("\"\\u００４１\"")).hasMessageContaining("four hex digits");
        }

        @Test
        void refusesWhitespaceJsonDoesNotKnow() {
            assertThatThrownBy(() -> Json.parse("\u00a01")).hasMessage("malformed JSON at offset 0: unexpected '\u00a0', expected a value");
            assertThatThrownBy(() -> Json.parse("1\u000b")).hasMessage("malformed JSON at offset 1: unexpected U+000B after the JSON value");
        }

        @Test
        void refusesNullText() {
            assertThatThrownBy(() -> Json.parse(null)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset 0");
        }

        @ParameterizedTest
        @ValueSource(strings = {"1e999999999999999999", "-1E-99999999999999"})
        void refusesNumbersOutOfRangeNamingThem(String number) {
            assertThatThrownBy(() -> Json.parse(number)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("offset 0").hasMessageContaining(number);
        }
    }

    @Nested
    class RoundTrips {

        @Test
        void whatIsWrittenReadsBackEqual() {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("id", 17L);
            value.put("price", new BigDecimal("19.99"));
            value.put("big", new BigDecimal("123456789012345678901234567890"));
            value.put("tags", List.of("a", "b \"quoted\"", ""));
            value.put("nested", Map.of("deep", List.of(List.of(Map.of("x", true)))));
            value.put("none", null);
            value.put("text", "tab\there, newline\n, nul\u0000, emoji 😀, é, \u2028");
            assertThat(Json.parse(Json.write(value))).isEqualTo(value);
            assertThat(Json.write(Json.parse(Json.write(value)))).isEqualTo(Json.write(value));
        }

        @Test
        void everyCharOfTheBasicPlaneSurvivesARoundTrip() {
            char[] all = new char[0x10000];
            for (int c = 0; c < all.length; c++) {
                all[c] = (char) c;
            }
            String text = new String(all);
            assertThat(Json.parse(Json.write(text))).isEqualTo(text);
        }

        @Test
        void recordsRoundTripIntoMapsOfTheirComponents() {
            Object read = Json.parse(Json.write(new Session(5, "t", List.of("x", "y"), Optional.of("c"))));
            assertThat(read).isEqualTo(Map.of("id", 5L, "title", "t", "tags", List.of("x", "y"), "customer", "c"));
        }

        @Test
        void doublesRoundTripThroughBigDecimal() {
            for (double d : Arrays.asList(0.1, -2.5e-10, 1e300, 123.456).stream().mapToDouble(Double::doubleValue).toArray()) {
                assertThat(((BigDecimal) Json.parse(Json.write(d))).doubleValue()).isEqualTo(d);
            }
        }
    }
}
