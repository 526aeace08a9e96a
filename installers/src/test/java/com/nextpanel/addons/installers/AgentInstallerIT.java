package com.nextpanel.addons.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentInstallerIT {

    private static final String AGENT_MAIN = "com.nextpanel.addons.agent.AgentMain";
    private static final String UNIT = "lib/systemd/system/nextpanel-agent.service";
    private static final String CONF = "etc/nextpanel-agent/agent.conf";

    @Test
    void appImageLauncherPrintsTheProjectVersion() {
        Launch.run(Built.appImage("nextpanel-agent").resolve("bin/nextpanel-agent"), "--version")
                .skipWhilePlaceholder(AGENT_MAIN)
                .printedVersion(Built.VERSION);
    }

    @Test
    void tarballScriptStartsTheBundledRuntimeAndPrintsTheProjectVersion(@TempDir Path dir) {
        assertThat(Launch.run(List.of("tar", "-xzf", Built.agentTarball().toString(), "-C", dir.toString())).exitCode())
                .isZero();
        Path home = dir.resolve("nextpanel-agent-" + BuildSettings.packageVersion(Built.VERSION));
        assertThat(home.resolve("bin/nextpanel-agent")).isExecutable();
        assertThat(home.resolve("runtime/bin/java")).isExecutable();
        assertThat(home.resolve("lib/server-agent.jar")).isRegularFile();
        assertThat(home.resolve("conf/agent.conf")).isRegularFile();
        assertThat(home.resolve("conf/nextpanel-agent.service")).isRegularFile();

        Launch.run(home.resolve("bin/nextpanel-agent"), "--version")
                .skipWhilePlaceholder(AGENT_MAIN)
                .printedVersion(Built.VERSION);
    }

    @Test
    void debListsLauncherRuntimeUnitFileAndConfigurationFile() {
        Launch contents = Launch.run(List.of("dpkg-deb", "--contents", Built.agentDeb().toString()));

        assertThat(contents.exitCode()).isZero();
        assertThat(contents.output()).contains(
                "./opt/nextpanel-agent/bin/nextpanel-agent",
                "./opt/nextpanel-agent/lib/runtime/lib/server/libjvm.so",
                "./opt/nextpanel-agent/lib/app/server-agent.jar",
                "./" + UNIT,
                "./" + CONF);
        assertThat(contents.output().lines().filter(line -> line.endsWith("./" + CONF)))
                .singleElement().asString().startsWith("-rw-r----- root/root");
    }

    @Test
    void debKeepsTheConfigurationAsConffileAndShipsMaintainerScripts(@TempDir Path control) throws IOException {
        assertThat(Launch.run(List.of("dpkg-deb", "--control", Built.agentDeb().toString(), control.toString())).exitCode())
                .isZero();

        assertThat(Files.readAllLines(control.resolve("conffiles"))).containsExactly("/" + CONF);
        assertThat(Files.readString(control.resolve("control"))).contains("Package: nextpanel-agent", "Section: admin");
        for (String script : List.of("postinst", "prerm", "postrm")) {
            Launch syntax = Launch.run(List.of("sh", "-n", control.resolve(script).toString()));
            assertThat(syntax.exitCode()).as("sh -n %s: %s", script, syntax.output()).isZero();
        }
        assertThat(Files.readString(control.resolve("postinst")))
                .contains("useradd --system", "adduser --system", "install -d -o \"$AGENT_USER\"", "/var/lib/nextpanel-agent");
    }

    @Test
    void unitRunsServeAsItsOwnUserWithTheHardeningTheIssueAsksFor(@TempDir Path root) throws IOException {
        String unit = Files.readString(extractAgentDeb(root).resolve(UNIT));

        assertThat(unit.lines()).contains(
                "User=nextpanel-agent",
                "EnvironmentFile=/" + CONF,
                "Restart=on-failure",
                "NoNewPrivileges=yes",
                "ProtectSystem=strict",
                "ReadWritePaths=/var/lib/nextpanel-agent",
                "PrivateTmp=yes");
        assertThat(SystemdUnit.setting(unit, "ExecStart")).hasValueSatisfying(exec -> assertThat(exec)
                .startsWith("/opt/nextpanel-agent/bin/nextpanel-agent serve --data-dir /var/lib/nextpanel-agent "));
    }

    @Test
    void configurationDefinesEveryVariableTheUnitUses(@TempDir Path root) throws IOException {
        Path extracted = extractAgentDeb(root);
        String exec = SystemdUnit.setting(Files.readString(extracted.resolve(UNIT)), "ExecStart").orElseThrow();
        Map<String, String> conf = SystemdUnit.environment(Files.readString(extracted.resolve(CONF)));

        assertThat(SystemdUnit.variables(exec)).isNotEmpty().allSatisfy(name -> assertThat(conf).containsKey(name));
        assertThat(conf).containsKeys("AGENT_PORT", "AGENT_BIND", "AGENT_CATALOG", "AGENT_TRUST_ROOT", "AGENT_DB_OPTIONS");
    }

    @Test
    void systemdAcceptsTheUnitWhereSystemdAnalyzeIsInstalled(@TempDir Path root) {
        Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")),
                "systemd-analyze is not installed here");
        Path unit = extractAgentDeb(root).resolve(UNIT);

        Launch verify = Launch.run(List.of("systemd-analyze", "verify", "--man=no", unit.toString()));

        // The unit names paths of the installed system (/opt/..., the user): only syntax errors count here.
        assertThat(verify.output()).doesNotContain("Unknown key", "Unknown section", "Invalid", "Failed to parse");
    }

    static Path extractAgentDeb(Path root) {
        Launch extract = Launch.run(List.of("dpkg-deb", "-x", Built.agentDeb().toString(), root.toString()));
        assertThat(extract.exitCode()).as("dpkg-deb -x: %s", extract.output()).isZero();
        return root;
    }
}
