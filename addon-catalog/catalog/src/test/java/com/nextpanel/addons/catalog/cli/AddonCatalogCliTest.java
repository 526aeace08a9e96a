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
        Path other = TestPackages.zip(tmp.resolve("other"), "ai_chatbot", "1.0.0");
        Files.write(other, new byte[] {0}, java.nio.file.StandardOpenOption.APPEND);

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
}
