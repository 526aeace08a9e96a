package com.nextpanel.addons.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.catalog.tuf.Hashes;
import com.nextpanel.addons.catalog.tuf.TufJson;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interoperability: tuf-js (the npm TUF client, which we did not write), run with the machine's Node.js,
 * refreshes a catalog our CLI published, served over HTTP on 127.0.0.1, and downloads a package with its
 * length and hash checked. Skipped only when {@code node} is absent.
 */
class TufJsInteropTest {

    /** tuf-js 5.x runs on Node 20.17+ (6.x needs Node 22). */
    static final String TUF_JS = "tuf-js@5.0.1";
    static final Path TUF_JS_DIR = Path.of("target", "tuf-js").toAbsolutePath();

    @TempDir
    Path tmp;
    Path catalog;
    HttpServer server;
    String baseUrl;

    @BeforeEach
    void publishAndServe() throws Exception {
        assumeTrue(run(List.of("node", "--version"), null, 30).exitCode == 0, "node is not installed");
        installTufJs();

        Path keys = tmp.resolve("keys");
        catalog = tmp.resolve("catalog");
        assertThat(CliRun.run("keygen", "--out", keys.toString()).exitCode()).isZero();
        CliRun published = CliRun.run("publish", "--catalog", catalog.toString(), "--keys", keys.toString(),
                TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0").toString());
        assertThat(published.exitCode()).as(published.toString()).isZero();
        // a second publication that also renews root: tuf-js must walk 1.root.json -> 2.root.json
        CliRun renewed = CliRun.run("publish", "--catalog", catalog.toString(), "--keys", keys.toString(),
                "--expires", "root=400d", TestPackages.zip(tmp.resolve("in"), "notification_hub", "1.0.0").toString());
        assertThat(renewed.out()).as(renewed.toString()).contains("root v2");

        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String rel = exchange.getRequestURI().getPath().substring(1);
            Path file = catalog.resolve(rel).normalize();
            if (!file.startsWith(catalog) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            byte[] body = Files.readAllBytes(file);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write(body);
            }
        });
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void tufJsRefreshesOurCatalogAndDownloadsAPackageWithItsHashChecked() throws Exception {
        Result result = tufJsDownload("packages/ai_chatbot-1.0.0.zip");

        assertThat(result.exitCode).as(result.output).isZero();
        byte[] published = Files.readAllBytes(catalog.resolve("packages/ai_chatbot-1.0.0.zip"));
        assertThat(tmp.resolve("tuf-targets/downloaded.zip")).hasBinaryContent(published);
        JsonNode printed = TufJson.parseObject(lastLine(result.output).getBytes(StandardCharsets.UTF_8), "tuf-js output");
        assertThat(printed.path("sha256").asText()).isEqualTo(Hashes.sha256Hex(published));
        assertThat(printed.path("length").asLong()).isEqualTo(published.length);
        assertThat(printed.path("custom").path("id").asText()).isEqualTo("ai_chatbot");
        // tuf-js walked the root rotation to version 2 and kept it as its trusted root
        assertThat(TufJson.parseObject(Files.readAllBytes(tmp.resolve("tuf-metadata/root.json")), "root.json")
                .path("signed").path("version").asInt()).isEqualTo(2);
    }

    @Test
    void tufJsRefusesAPackageWhoseBytesDifferFromOurSignedHash() throws Exception {
        Path pkg = catalog.resolve("packages/ai_chatbot-1.0.0.zip");
        byte[] evil = Files.readAllBytes(pkg);
        evil[10] ^= 0x01;
        Files.write(pkg, evil);

        Result result = tufJsDownload("packages/ai_chatbot-1.0.0.zip");

        assertThat(result.exitCode).as(result.output).isNotZero();
        assertThat(result.output).contains("tuf-js failed");
        assertThat(tmp.resolve("tuf-targets/downloaded.zip")).doesNotExist();
    }

    @Test
    void tufJsRefusesOurMetadataOnceAValueInTargetsChanges() throws Exception {
        Path targets = catalog.resolve("targets.json");
        Files.writeString(targets, Files.readString(targets).replace("\"ai_chatbot addon\"", "\"ai_chatbot addon!\""));

        Result result = tufJsDownload("packages/ai_chatbot-1.0.0.zip");

        assertThat(result.exitCode).as(result.output).isNotZero();
        assertThat(result.output).contains("tuf-js failed");
    }

    private Result tufJsDownload(String target) throws IOException, InterruptedException, URISyntaxException {
        Path metadataDir = Files.createDirectories(tmp.resolve("tuf-metadata"));
        Path targetDir = Files.createDirectories(tmp.resolve("tuf-targets"));
        // the trust anchor is version 1, as a freshly installed client would ship it
        Files.copy(catalog.resolve("1.root.json"), metadataDir.resolve("root.json"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path script = Path.of(getClass().getResource("/tufjs/download.js").toURI());
        return run(List.of("node", script.toString(), baseUrl, baseUrl, metadataDir.toString(), targetDir.toString(), target),
                TUF_JS_DIR.resolve("node_modules"), 120);
    }

    private static void installTufJs() throws IOException, InterruptedException {
        if (Files.isRegularFile(TUF_JS_DIR.resolve("node_modules/tuf-js/package.json"))) {
            return;
        }
        Files.createDirectories(TUF_JS_DIR);
        Result npm = run(List.of("npm", "install", "--prefix", TUF_JS_DIR.toString(), "--no-audit", "--no-fund", TUF_JS),
                null, 600);
        assertThat(npm.exitCode).as("npm install " + TUF_JS + ":\n" + npm.output).isZero();
    }

    record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command, Path nodePath, long timeoutSeconds) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).redirectErrorStream(true);
        if (nodePath != null) {
            pb.environment().put("NODE_PATH", nodePath.toString());
        }
        Process p;
        try {
            p = pb.start();
        } catch (IOException e) {
            return new Result(127, e.getMessage());
        }
        Path log = Files.createTempFile("tufjs", ".log");
        try {
            Thread drain = new Thread(() -> {
                try {
                    Files.copy(p.getInputStream(), log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException ignored) {
                    // the process output is only diagnostics
                }
            });
            drain.start();
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            drain.join(10_000);
            return new Result(p.isAlive() ? -1 : p.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static String lastLine(String output) {
        String[] lines = output.strip().split("\n");
        return lines[lines.length - 1];
    }
}
