package com.nextpanel.addons.catalog.client;

import static com.nextpanel.addons.catalog.client.CatalogClientTest.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.catalog.ErrorCode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The client over HTTP: the same verification, and an endless body is cut while it streams. */
class HttpSourceTest {

    @TempDir
    Path tmp;
    RepoFixture repo;
    HttpServer server;
    String base;
    final AtomicLong endlessBytesSent = new AtomicLong();
    final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);

    @BeforeEach
    void serve() throws IOException {
        repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/catalog/", exchange -> {
            String rel = exchange.getRequestURI().getPath().substring("/catalog/".length());
            Path file = repo.dir.resolve(rel).normalize();
            if (!file.startsWith(repo.dir) || !Files.isRegularFile(file)) {
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
        // an attacker's mirror: a timestamp.json that never ends (chunked, no length)
        server.createContext("/endless/", exchange -> {
            String rel = exchange.getRequestURI().getPath().substring("/endless/".length());
            if (!rel.equals("timestamp.json")) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = new byte[8192];
            java.util.Arrays.fill(chunk, (byte) ' ');
            try (OutputStream os = exchange.getResponseBody()) {
                while (endlessBytesSent.get() < 1L << 30) {
                    os.write(chunk);
                    endlessBytesSent.addAndGet(chunk.length);
                }
            } catch (IOException clientWentAway) {
                // expected: the client cut the download
            }
        });
        // a mirror that sends a few bytes of timestamp.json and then stalls
        server.createContext("/slow/", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream os = exchange.getResponseBody()) {
                os.write("{\"signed\"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
                os.flush();
                release.await();
            } catch (IOException | InterruptedException clientWentAway) {
                // the client gave up
            }
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "test-http");
            t.setDaemon(true);
            return t;
        }));
        server.start();
        base = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        release.countDown();
        server.stop(0);
    }

    @Test
    void refreshesAndFetchesOverHttp() throws Exception {
        CatalogClient client = CatalogClient.builder(base + "/catalog").trustedRoot(repo.anchor).clock(RepoFixture.clock()).build();

        CatalogTarget target = client.refresh().targets().get(0);
        Path file = client.fetchTarget(target, tmp.resolve("cache"));

        assertThat(Files.readAllBytes(file)).isEqualTo(repo.read(target.path()));
    }

    @Test
    void anEndlessResponseIsCutAtTheCap() {
        CatalogClient client = CatalogClient.builder(base + "/endless/").trustedRoot(repo.anchor).clock(RepoFixture.clock()).build();

        assertFails(client::refresh, ErrorCode.TOO_LARGE, base + "/endless/timestamp.json", "16384");
        assertThat(endlessBytesSent.get()).isLessThan(1L << 30);
    }

    @Test
    void plainHttpToARemoteHostIsRefused() {
        assertFails(() -> CatalogClient.builder("http://catalog.example.com/"), ErrorCode.NOT_FOUND, "https");
    }

    @Test
    void aStalledDownloadFailsAtItsDeadlineNamingTheFile() {
        CatalogSource slow = new HttpSource(java.net.URI.create(base + "/slow/"), java.net.http.HttpClient.newHttpClient(),
                java.time.Duration.ofSeconds(1));
        CatalogClient client = CatalogClient.builder(slow).trustedRoot(repo.anchor).clock(RepoFixture.clock()).build();

        // the first file it asks for (the next root version) stalls
        assertFails(client::refresh, ErrorCode.IO, base + "/slow/2.root.json", "slow retrieval");
    }
}
