package com.nextpanel.addons.agent.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class RoutePatternTest {

    @ParameterizedTest(name = "{0} matches {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/chat/sessions           | /api/v1/chat/sessions        | {}
            /api/v1/chat/sessions/{id}      | /api/v1/chat/sessions/42     | {id=42}
            /api/v1/chat/{a}/messages/{b}   | /api/v1/chat/x/messages/y    | {a=x, b=y}
            """)
    void patternMatchesPathAndBindsItsParameters(String pattern, String path, String params) {
        Map<String, String> bound = RoutePattern.parse(pattern).match(segments(path)).orElseThrow();

        assertThat(bound.toString()).isEqualTo(params);
    }

    @ParameterizedTest(name = "{0} does not match {1}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/chat/sessions       | /api/v1/chat/sessions/1
            /api/v1/chat/sessions/{id}  | /api/v1/chat/sessions
            /api/v1/chat/sessions/{id}  | /api/v1/chat/sessions/
            /api/v1/chat/sessions       | /api/v1/chat/Sessions
            """)
    void patternDoesNotMatchOtherPaths(String pattern, String path) {
        assertThat(RoutePattern.parse(pattern).match(segments(path))).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v2/chat", "/api/v1/", "/api/v1/chat/", "/api/v1//chat", "/api/v1/chat/{id",
            "/api/v1/{id}/{id}", "/api/v1/chat/{1x}", "/api/v1/chat/a b", "api/v1/chat"})
    void malformedPatternIsRefusedNamingIt(String pattern) {
        assertThatThrownBy(() -> RoutePattern.parse(pattern)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(pattern);
    }

    @ParameterizedTest(name = "{0} under {1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/chat           | /api/v1/chat   | true
            /api/v1/chat/x/{id}    | /api/v1/chat   | true
            /api/v1/chatter        | /api/v1/chat   | false
            /api/v1/{x}/y          | /api/v1/chat   | false
            """)
    void patternLiesUnderAPrefixOnlyByWholeSegments(String pattern, String prefix, boolean under) {
        assertThat(RoutePattern.parse(pattern).isUnder(prefix)).isEqualTo(under);
    }

    @ParameterizedTest(name = "{0} and {1} overlap: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/chat        | /api/v1/chat        | true
            /api/v1/chat        | /api/v1/chat/rooms  | true
            /api/v1/chat/rooms  | /api/v1/chat        | true
            /api/v1/chat        | /api/v1/chatter     | false
            """)
    void prefixesOverlapWhenOneContainsTheOther(String a, String b, boolean overlap) {
        assertThat(RoutePrefixes.overlap(a, b)).isEqualTo(overlap);
    }

    private static List<String> segments(String path) {
        return AddonRoutesHandler.decodeSegments(path);
    }
}
