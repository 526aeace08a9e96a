package com.nextpanel.addons.catalog.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AddonCatalogCliTest {

    @TempDir
    Path tmp;
    Path keys;
    Path catalog;

    @BeforeEach
    void keys() {
        keys = tmp.resolve("keys");
        catalog = tmp.resolve("catalog");
    }

    CliRun keygen() {
        return CliRun.run("keygen", "--out", keys.toString());
    }

    CliRun publish(Path... files) {
        String[] args = new String[5 + files.length];
        args[0] = "publish";
        args[1] = "--catalog";
        args[2] = catalog.toString();
        args[3] = "--keys";
        args[4] = keys.toString();
        for (int i = 0; i < files.length; i++) {
            args[5 + i] = files[i].toString();
        }
        return CliRun.run(args);
    }

    CliRun verify(String... extra) {
        String[] base = {"verify", "--catalog", catalog.toString(), "--root", catalog.resolve("root.json").toString()};
        String[] args = java.util.Arrays.copyOf(base, base.length + extra.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        return CliRun.run(args);
    }

    @Test
    void keygenWritesOnePrivateKeyPerRoleWithMode600AndNeverOverwrites() throws Exception {
        assertThat(keygen().exitCode()).isZero();
        for (String role : new String[] {"root", "targets", "snapshot", "timestamp"}) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keys.resolve(role + ".key"))))
                    .isEqualTo("rw-------");
        }
        byte[] rootKey = Files.readAllBytes(keys.resolve("root.key"));

        CliRun again = keygen();
        assertThat(again.exitCode()).as(again.toString()).isEqualTo(1);
        assertThat(again.err()).contains("root.key", "refusing to overwrite");
        assertThat(keys.resolve("root.key")).hasBinaryContent(rootKey);
    }

    @Test
    void publishCreatesASignedRepositoryThatVerifies() throws Exception {
        keygen();
        CliRun published = publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0"),
                TestPackages.zip(tmp.resolve("in"), "notification_hub", "1.0.0"));

        assertThat(published.exitCode()).as(published.toString()).isZero();
        assertThat(catalog.resolve("1.root.json")).hasSameBinaryContentAs(catalog.resolve("root.json"));
        assertThat(catalog.resolve("packages/ai_chatbot-1.0.0.zip")).exists();
        assertThat(Files.readString(catalog.resolve("root.json"))).contains("\"consistent_snapshot\" : false",
                "\"spec_version\" : \"1.0.31\"", "\"keytype\" : \"ed25519\"");
        CliRun verified = verify();
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("2 package(s) verified");
    }

    @Test
    void publishingAgainAddsAVersionBumpsVersionsAndKeepsPublishedPackages() throws Exception {
        keygen();
        publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0"));
        CliRun second = publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.1.0"),
                TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0"));

        assertThat(second.out()).contains("added packages/ai_chatbot-1.1.0.zip", "unchanged packages/ai_chatbot-1.0.0.zip",
                "root v1, targets v2, snapshot v2, timestamp v2");
        assertThat(verify().exitCode()).isZero();
    }

    @Test
    void publishRefusesTheSameIdAndVersionWithOtherBytesAndChangesNothing() throws Exception {
        keygen();
        publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0"));
        byte[] targetsBefore = Files.readAllBytes(catalog.resolve("targets.json"));
        Path other = TestPackages.zip(tmp.resolve("other"), "ai_chatbot", "1.0.0", "-- rebuilt\n");

        CliRun refused = publish(other);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("packages/ai_chatbot-1.0.0.zip", "already published with other bytes");
        assertThat(catalog.resolve("targets.json")).hasBinaryContent(targetsBefore);
        assertThat(verify().exitCode()).isZero();
    }

    @Test
    void renewingRootPublishesVersionTwoThatAClientWithVersionOneFollows() throws Exception {
        keygen();
        publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0"));
        Path anchor = Files.copy(catalog.resolve("root.json"), tmp.resolve("anchor-root.json"));

        CliRun renewed = CliRun.run("publish", "--catalog", catalog.toString(), "--keys", keys.toString(),
                "--expires", "root=400d", "--expires", "timestamp=2d");

        assertThat(renewed.out()).contains("root v2");
        assertThat(catalog.resolve("2.root.json")).hasSameBinaryContentAs(catalog.resolve("root.json"));
        CliRun verified = CliRun.run("verify", "--catalog", catalog.toString(), "--root", anchor.toString());
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
        assertThat(verified.out()).contains("root v2");
    }

    @Test
    void verifyOfOneFileChecksItAgainstTheCatalog() throws Exception {
        keygen();
        Path zip = TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0");
        publish(zip);

        assertThat(verify(zip.toString()).exitCode()).isZero();
        Path stranger = TestPackages.zip(tmp.resolve("stranger"), "ai_chatbot", "1.0.0");
        Files.write(stranger, new byte[] {1}, java.nio.file.StandardOpenOption.APPEND);
        CliRun failed = verify(stranger.toString());
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains(stranger.toString(), "differ from packages/ai_chatbot-1.0.0.zip");
    }

    @Test
    void verifyFailsOnAnExpiredTimestampWithTheClockItIsGiven() throws Exception {
        keygen();
        CliRun.run("publish", "--catalog", catalog.toString(), "--keys", keys.toString(), "--expires", "timestamp=1h",
                TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0").toString());
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofHours(2)), ZoneOffset.UTC);

        CliRun failed = CliRun.run(later, "verify", "--catalog", catalog.toString(), "--root", catalog.resolve("root.json").toString());

        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("timestamp.json", "expired");
    }

    @Test
    void verifyWithAStateDirRejectsARollbackOnTheNextRun() throws Exception {
        keygen();
        publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0"));
        Path saved = tmp.resolve("saved");
        Files.createDirectories(saved);
        for (String f : new String[] {"timestamp.json", "snapshot.json", "targets.json"}) {
            Files.copy(catalog.resolve(f), saved.resolve(f));
        }
        publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.1.0"));
        Path state = tmp.resolve("state");
        assertThat(verify("--state-dir", state.toString()).exitCode()).isZero();
        for (String f : new String[] {"timestamp.json", "snapshot.json", "targets.json"}) {
            Files.copy(saved.resolve(f), catalog.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }

        CliRun rolledBack = verify("--state-dir", state.toString());
        assertThat(rolledBack.exitCode()).isEqualTo(1);
        assertThat(rolledBack.err()).contains("timestamp.json", "rollback");
        // the default is a fresh state: the old publication is still validly signed
        assertThat(verify().exitCode()).isZero();
    }

    @Test
    void usageErrorsExitWithTwo() throws Exception {
        assertThat(CliRun.run().exitCode()).isEqualTo(2);
        assertThat(CliRun.run("verify", "--catalog", "x").exitCode()).isEqualTo(2);
        assertThat(CliRun.run("frobnicate").exitCode()).isEqualTo(2);
        CliRun badExpiry = CliRun.run("publish", "--catalog", catalog.toString(), "--keys", keys.toString(),
                "--expires", "banana=3d");
        assertThat(badExpiry.exitCode()).isEqualTo(2);
        assertThat(badExpiry.err()).contains("banana");
        assertThat(CliRun.run("publish", "--catalog", catalog.toString(), "--keys", keys.toString(),
                "--expires", "timestamp=soon").exitCode()).isEqualTo(2);
    }

    @Test
    void verifyReportsAMissingPackageByName() throws Exception {
        keygen();
        publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0"));
        Files.delete(catalog.resolve("packages/ai_chatbot-1.0.0.zip"));

        CliRun failed = verify();
        assertThat(failed.exitCode()).isEqualTo(1);
        assertThat(failed.err()).contains("ai_chatbot-1.0.0.zip", "missing");
    }

    @Test
    void packBuildsAPackageThatPublishesAndVerifies() throws Exception {
        keygen();
        Path zip = tmp.resolve("out/ai_chatbot-1.0.0.zip");
        CliRun packed = CliRun.run("pack", TestPackages.sourceDir(tmp, "ai_chatbot", "1.0.0").toString(), "--out", zip.toString());
        assertThat(packed.exitCode()).as(packed.toString()).isZero();
        assertThat(packed.out()).contains("ai_chatbot@1.0.0");

        assertThat(publish(zip).exitCode()).isZero();
        CliRun verified = verify(zip.toString());
        assertThat(verified.exitCode()).as(verified.toString()).isZero();
    }

    @Test
    void publishRefusesAnUnsafePackageAndWritesNothing() throws Exception {
        keygen();
        Path evil = tmp.resolve("evil.zip");
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(evil))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("addon.json"));
            zip.write(TestPackages.manifest("ai_chatbot", "1.0.0").getBytes(java.nio.charset.StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new java.util.zip.ZipEntry("../../escape.sh"));
            zip.write(new byte[] {1});
            zip.closeEntry();
        }

        CliRun refused = publish(evil);

        assertThat(refused.exitCode()).as(refused.toString()).isEqualTo(1);
        assertThat(refused.err()).contains("evil.zip");
        assertThat(catalog.resolve("targets.json")).doesNotExist();
    }

    @Test
    void verifyNoticesAPackageWhoseManifestDiffersFromTheSignedSummary() throws Exception {
        keygen();
        Path zip = TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0");
        var summary = new com.nextpanel.addons.catalog.archive.PackageReader().inspect(zip).summary();
        var lying = new com.nextpanel.addons.catalog.manifest.ManifestSummary(summary.id(), "Harmless Chat", summary.version(),
                summary.description(), summary.category(), summary.requires(), summary.conflicts(), summary.routes(),
                java.util.List.of(), summary.tables(), summary.console(), summary.changelog());
        new com.nextpanel.addons.catalog.tuf.CatalogPublisher(catalog, com.nextpanel.addons.catalog.tuf.Keyring.load(keys),
                Clock.systemUTC(), java.util.Map.of()).publish(java.util.List.of(new com.nextpanel.addons.catalog.tuf.CatalogPublisher
                .NewTarget("packages/ai_chatbot-1.0.0.zip", zip, com.nextpanel.addons.catalog.client.SummaryJson.toCustom(lying))));

        CliRun failed = verify();

        assertThat(failed.exitCode()).as(failed.toString()).isEqualTo(1);
        assertThat(failed.err()).contains("packages/ai_chatbot-1.0.0.zip", "differs from the summary");
    }

    @Test
    void publishWithKeysThatRootDoesNotNameIsRefused() throws Exception {
        keygen();
        publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0"));
        keys = tmp.resolve("other-keys");
        keygen();

        CliRun refused = publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.1.0"));

        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("is not one of the keys root.json names for the root role");
        assertThat(catalog.resolve("packages/ai_chatbot-1.1.0.zip")).doesNotExist();
    }

    @Test
    void verifyOfAnHttpCatalogChecksMetadataRootHistoryAndPackages() throws Exception {
        keygen();
        publish(TestPackages.zip(tmp.resolve("in"), "ai_chatbot", "1.0.0"));
        CliRun.run("publish", "--catalog", catalog.toString(), "--keys", keys.toString(), "--expires", "root=200d");
        com.sun.net.httpserver.HttpServer server = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            Path file = catalog.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            byte[] body = file.startsWith(catalog) && Files.isRegularFile(file) ? Files.readAllBytes(file) : null;
            exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
            try (java.io.OutputStream os = exchange.getResponseBody()) {
                if (body != null) {
                    os.write(body);
                }
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/";
            Path anchor = Files.copy(catalog.resolve("1.root.json"), tmp.resolve("anchor.json"));
            CliRun ok = CliRun.run("verify", "--catalog", url, "--root", anchor.toString());
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            assertThat(ok.out()).contains("root v2", "1 package(s) verified");

            // an old root no client walks any more is still checked
            Files.writeString(catalog.resolve("1.root.json"),
                    Files.readString(catalog.resolve("1.root.json")).replace("\"version\" : 1", "\"version\" : 3"));
            CliRun failed = CliRun.run("verify", "--catalog", url, "--root", anchor.toString());
            assertThat(failed.exitCode()).isEqualTo(1);
            assertThat(failed.err()).contains(url + "1.root.json");
        } finally {
            server.stop(0);
        }
    }
}
