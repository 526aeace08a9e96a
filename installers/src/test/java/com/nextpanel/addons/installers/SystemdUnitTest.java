package com.nextpanel.addons.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemdUnitTest {

    @Test
    void bracedVariablesStayOneWordAndBareOnesSplitIntoZeroOrMoreWords() {
        String exec = "/opt/a/bin/a serve --catalog ${CATALOG} $DB $EXTRA";
        Map<String, String> env = Map.of("CATALOG", "/srv/my catalog", "DB", "--db-url jdbc:h2:x --db-user u", "EXTRA", "");

        assertThat(SystemdUnit.expand(exec, env)).containsExactly(
                "/opt/a/bin/a", "serve", "--catalog", "/srv/my catalog", "--db-url", "jdbc:h2:x", "--db-user", "u");
    }

    @Test
    void environmentFileSkipsCommentsAndStripsQuotes() {
        String file = """
                # comment
                PORT=8443

                NAME="two words"
                EMPTY=
                """;

        assertThat(SystemdUnit.environment(file))
                .containsExactly(Map.entry("PORT", "8443"), Map.entry("NAME", "two words"), Map.entry("EMPTY", ""));
    }

    @Test
    void variablesListsBracedAndBareNames() {
        assertThat(SystemdUnit.variables("x --p ${PORT} $DB --a=${A}b")).containsExactly("PORT", "DB", "A");
    }

    @Test
    void settingReadsTheFirstMatchingLine() {
        assertThat(SystemdUnit.setting("[Service]\nUser=agent\nExecStart=/bin/true\n", "ExecStart")).contains("/bin/true");
        assertThat(SystemdUnit.setting("[Service]\n", "ExecStart")).isEmpty();
    }
}
