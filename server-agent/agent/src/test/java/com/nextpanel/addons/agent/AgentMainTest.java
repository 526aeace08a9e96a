package com.nextpanel.addons.agent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The command line in-process: help, and one clear line with a non-zero exit for each bad input. */
class AgentMainTest {

    @TempDir
    static Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = AgentMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void serveHelpListsEveryOptionOfTheContract() {
        Run run = run("serve", "--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("--data-dir", "--port", "--catalog", "--trust-root", "--bind", "--db-url",
                "--db-user", "--db-password", "--help");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void topLevelHelpNamesTheServeCommand() {
        Run run = run("--help");
        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("serve");
    }

    static Stream<Arguments> badCommandLines() {
        String d = dir.toString();
        return Stream.of(
                Arguments.of(new String[] {}, "a command is required"),
                Arguments.of(new String[] {"start"}, "start"),
                Arguments.of(new String[] {"serve"}, "--data-dir"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--bogus"}, "--bogus"),
                Arguments.of(new String[] {"serve", "--dir", d}, "--dir"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--port", "abc"}, "'abc'"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--port", "70000"}, "70000"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--port", "-1"}, "-1"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--catalog", d}, "--trust-root"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--catalog", d, "--trust-root",
                        d + "/missing-root.json"}, "missing-root.json"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--db-url", "jdbc:mysql://h/db", "--db-user",
                        "u"}, "jdbc:mysql"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--db-url", "jdbc:postgresql://h/db"},
                        "--db-user"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--db-user", "u"}, "--db-url"),
                Arguments.of(new String[] {"serve", "--data-dir", d, "--port"}, "--port"),
                Arguments.of(new String[] {"token", "--data-dir", d}, "--name"),
                Arguments.of(new String[] {"token", "--data-dir", d, "--name", "x", "--role", "root"}, "'root'"));
    }

    @ParameterizedTest
    @MethodSource("badCommandLines")
    void aBadOptionOrValueExitsNonZeroWithOneLineNamingIt(String[] args, String named) {
        Run run = run(args);
        assertThat(run.code()).isEqualTo(2);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(1).first().asString().contains(named);
    }

    @Test
    void aPortInUseFailsTheStartWithOneLineNamingThePort(@TempDir Path data) throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run run = run("serve", "--data-dir", data.toString(), "--port", Integer.toString(taken.getLocalPort()));
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.err().lines().toList()).hasSize(1).first().asString()
                    .contains("cannot start", "127.0.0.1:" + taken.getLocalPort());
        }
    }

    @Test
    void aTokenForADataDirWhereNoAgentRanFailsWithOneLine(@TempDir Path data) {
        Run run = run("token", "--data-dir", data.toString(), "--name", "ci");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).hasSize(1).first().asString().contains("start the agent");
    }

    @Test
    void aDataDirThatIsAFileFailsTheStartWithOneLine(@TempDir Path data) throws Exception {
        Path file = Files.writeString(data.resolve("not-a-dir"), "x");
        Run run = run("serve", "--data-dir", file.toString(), "--port", "0");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.err().lines().toList()).hasSize(1).first().asString().contains("not a directory", "not-a-dir");
    }
}
