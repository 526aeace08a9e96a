package com.nextpanel.addons.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent .deb, extracted into a temporary root, runs exactly the command its systemd unit runs (ExecStart
 * with the variables of its agent.conf, pointed at a temporary data dir and the demo catalog) and answers
 * health over HTTPS, trusted by the fingerprint it wrote.
 */
class AgentDebServesHealthIT {

    private static final String INSTALL_DIR = "/opt/nextpanel-agent";
    private static final String DATA_DIR = "/var/lib/nextpanel-agent";

    @Test
    void extractedDebStartsServeFromItsUnitAndConfigurationAndAnswersHealthOverHttps(
            @TempDir Path root, @TempDir Path dataDir, @TempDir Path scratch) throws Exception {
        AgentInstallerIT.extractAgentDeb(root);
        Path launcher = root.resolve(INSTALL_DIR.substring(1) + "/bin/nextpanel-agent");
        Launch.run(launcher, "--version").skipWhilePlaceholder("com.nextpanel.addons.agent.AgentMain");
        Path catalog = catalog(scratch);
        Path trustRoot = catalog.resolve("root.json");

        int port = freePort();
        Map<String, String> conf = new LinkedHashMap<>(SystemdUnit.environment(
                Files.readString(root.resolve("etc/nextpanel-agent/agent.conf"))));
        conf.put("AGENT_PORT", String.valueOf(port));
        conf.put("AGENT_BIND", "127.0.0.1");
        conf.put("AGENT_CATALOG", catalog.toAbsolutePath().toString());
        conf.put("AGENT_TRUST_ROOT", trustRoot.toAbsolutePath().toString());
        String exec = SystemdUnit.setting(Files.readString(root.resolve("lib/systemd/system/nextpanel-agent.service")),
                "ExecStart").orElseThrow();
        List<String> command = SystemdUnit.expand(exec, conf).stream()
                .map(word -> relocate(word, root, dataDir))
                .toList();

        Process agent = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            String listening = awaitLine(agent, "listening on https://");
            assertThat(listening).contains(":" + port);
            String fingerprint = Files.readString(dataDir.resolve("tls.sha256"));

            HttpClient client = HttpClient.newBuilder()
                    .sslContext(PinnedCertificate.sslContext(fingerprint))
                    .connectTimeout(Duration.ofSeconds(10))
                    .build();
            HttpResponse<String> health = client.send(
                    HttpRequest.newBuilder(URI.create("https://127.0.0.1:" + port + "/agent/v1/health")).GET().build(),
                    HttpResponse.BodyHandlers.ofString());

            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body().replace(" ", "")).contains("\"status\":\"UP\"");
        } finally {
            agent.destroy();
            if (!agent.waitFor(60, TimeUnit.SECONDS)) {
                agent.destroyForcibly();
            }
        }
        assertThat(agent.exitValue()).as("exit code after SIGTERM").isIn(0, 143);
    }

    /**
     * The demo catalog when it is built; else an empty catalog signed with fresh keys by the catalog CLI
     * (the subject here is the package, not the catalog's content).
     */
    private static Path catalog(Path scratch) {
        if (Files.isRegularFile(Built.DEMO_CATALOG.resolve("root.json"))) {
            return Built.DEMO_CATALOG;
        }
        Assumptions.assumeTrue(Files.isRegularFile(Built.CATALOG_CLI),
                "neither a demo catalog at " + Built.DEMO_CATALOG + " nor the catalog CLI " + Built.CATALOG_CLI);
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Path keys = scratch.resolve("keys");
        Path catalog = scratch.resolve("catalog");
        for (List<String> command : List.of(
                List.of(java.toString(), "-jar", Built.CATALOG_CLI.toString(), "keygen", "--out", keys.toString()),
                List.of(java.toString(), "-jar", Built.CATALOG_CLI.toString(), "publish",
                        "--catalog", catalog.toString(), "--keys", keys.toString()))) {
            Launch step = Launch.run(command);
            assertThat(step.exitCode()).as("%s: %s", command, step.output()).isZero();
        }
        return catalog;
    }

    /** The unit's absolute paths, moved into the extracted root and the temporary data dir. */
    private static String relocate(String word, Path root, Path dataDir) {
        if (word.equals(DATA_DIR)) {
            return dataDir.toString();
        }
        if (word.startsWith(INSTALL_DIR + "/")) {
            return root.resolve(word.substring(1)).toString();
        }
        return word;
    }

    /** Reads the agent's output until a line contains the text; fails with all it printed if it ends first. */
    private static String awaitLine(Process process, String text) throws Exception {
        StringBuilder printed = new StringBuilder();
        // Not closed here: after the line, the drain thread reads on until the process ends.
        BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        CompletableFuture<String> found = CompletableFuture.supplyAsync(() -> {
            try {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    synchronized (printed) {
                        printed.append(line).append('\n');
                    }
                    if (line.contains(text)) {
                        drainInBackground(reader);
                        return line;
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
            return null;
        });
        String line;
        try {
            line = found.get(2, TimeUnit.MINUTES);
        } catch (java.util.concurrent.TimeoutException e) {
            line = null;
        }
        if (line == null) {
            synchronized (printed) {
                throw new AssertionError("the agent never printed '" + text + "'; it printed:\n" + printed);
            }
        }
        return line;
    }

    /** Keeps reading so that the agent never blocks on a full pipe while the test talks to it. */
    private static void drainInBackground(BufferedReader reader) {
        Thread drain = new Thread(() -> {
            try {
                while (reader.readLine() != null) {
                    // discard
                }
            } catch (IOException e) {
                // the process ended
            }
        });
        drain.setDaemon(true);
        drain.start();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
