package com.nextpanel.addons.catalog.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.tuf.Role;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CatalogClientTest {

    @TempDir
    Path tmp;

    static void assertFails(ThrowingCallable call, ErrorCode code, String... messageParts) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CatalogException.class, e -> {
            assertThat(e.code()).as(e.getMessage()).isEqualTo(code);
            assertThat(e.getMessage()).contains(messageParts);
        });
    }

    @Test
    void refreshVerifiesAPublishedCatalogAndGroupsVersionsBySemVer() throws Exception {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo"))
                .addPackage("ai_chatbot", "1.10.0").addPackage("ai_chatbot", "1.2.0").addPackage("notification_hub", "1.0.0")
                .publish();

        VerifiedCatalog catalog = repo.client().build().refresh();

        assertThat(catalog.byAddon().keySet()).containsExactly("ai_chatbot", "notification_hub");
        assertThat(catalog.byAddon().get("ai_chatbot")).extracting(CatalogTarget::version).containsExactly("1.2.0", "1.10.0");
        assertThat(catalog.latest("ai_chatbot")).map(CatalogTarget::path).contains("packages/ai_chatbot-1.10.0.zip");
        assertThat(catalog.targetsSignedBy()).containsExactly(repo.key(Role.TARGETS, 0).keyId());
        assertThat(catalog.timestamp().version()).isEqualTo(1);
        assertThat(catalog.root().expires()).isAfter(RepoFixture.NOW);
        CatalogTarget hub = catalog.find("notification_hub", "1.0.0").orElseThrow();
        assertThat(hub.manifest().name()).isEqualTo("notification_hub addon");
        assertThat(hub.sha256()).hasSize(64);
    }

    @Test
    void fetchTargetReturnsTheVerifiedBytesFromAContentAddressedCache() throws Exception {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        CatalogClient client = repo.client().build();
        CatalogTarget target = client.refresh().find("ai_chatbot", "1.0.0").orElseThrow();

        Path file = client.fetchTarget(target, tmp.resolve("cache"));

        assertThat(file).hasFileName(target.sha256() + ".zip");
        assertThat(Files.readAllBytes(file)).isEqualTo(repo.read(target.path()));
        // a tampered cache entry is not trusted: it is fetched again
        Files.write(file, new byte[] {1, 2, 3});
        assertThat(Files.readAllBytes(client.fetchTarget(target, tmp.resolve("cache")))).isEqualTo(repo.read(target.path()));
    }

    @Test
    void arbitraryPackageWithOtherBytesIsRejectedAndNotCached() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        CatalogClient client = repo.client().build();
        CatalogTarget target = client.refresh().targets().get(0);
        byte[] evil = repo.read(target.path());
        evil[evil.length / 2] ^= 0x01;
        repo.write(target.path(), evil);

        assertFails(() -> client.fetchTarget(target, tmp.resolve("cache")), ErrorCode.HASH_MISMATCH,
                "ai_chatbot-1.0.0.zip", "sha256");
        assertThat(tmp.resolve("cache").resolve(target.sha256() + ".zip")).doesNotExist();
    }

    @Test
    void packageLongerOrShorterThanSignedIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        CatalogClient client = repo.client().build();
        CatalogTarget target = client.refresh().targets().get(0);
        byte[] good = repo.read(target.path());

        repo.write(target.path(), java.util.Arrays.copyOf(good, good.length + 1_000_000));
        assertFails(() -> client.fetchTarget(target, tmp.resolve("cache")), ErrorCode.TOO_LARGE, "ai_chatbot-1.0.0.zip");
        repo.write(target.path(), java.util.Arrays.copyOf(good, good.length - 1));
        assertFails(() -> client.fetchTarget(target, tmp.resolve("cache")), ErrorCode.LENGTH_MISMATCH, "ai_chatbot-1.0.0.zip");
    }

    @Test
    void wrongSoftwareServedUnderAnotherTargetsNameIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo"))
                .addPackage("ai_chatbot", "1.0.0").addPackage("sms_notify", "1.0.0").publish();
        CatalogClient client = repo.client().build();
        VerifiedCatalog catalog = client.refresh();
        CatalogTarget chatbot = catalog.find("ai_chatbot", "1.0.0").orElseThrow();
        // same length, other addon: only the hash bound to the name tells them apart
        assertThat(catalog.find("sms_notify", "1.0.0").orElseThrow().length()).isEqualTo(chatbot.length());
        repo.write(chatbot.path(), repo.read("packages/sms_notify-1.0.0.zip"));

        assertFails(() -> client.fetchTarget(chatbot, tmp.resolve("cache")), ErrorCode.HASH_MISMATCH,
                "ai_chatbot-1.0.0.zip", "the bytes are those of packages/sms_notify-1.0.0.zip");
    }

    @Test
    void targetNotInTheVerifiedCatalogIsNeverFetched() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        CatalogClient client = repo.client().build();
        CatalogTarget real = client.refresh().targets().get(0);
        CatalogTarget forged = new CatalogTarget(real.path(), real.length(), "00".repeat(32), real.manifest());

        assertFails(() -> client.fetchTarget(forged, tmp.resolve("cache")), ErrorCode.TARGET_UNKNOWN, real.path());
    }

    @Test
    void rollbackToAnOlderPublicationIsRejectedEvenByANewClientWithTheSameState() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        byte[][] v1 = {repo.read("timestamp.json"), repo.read("snapshot.json"), repo.read("targets.json")};
        repo.addPackage("ai_chatbot", "1.1.0").publish();
        Path state = tmp.resolve("state");
        assertThat(repo.client().stateDir(state).build().refresh().targets()).hasSize(2);

        repo.write("timestamp.json", v1[0]);
        repo.write("snapshot.json", v1[1]);
        repo.write("targets.json", v1[2]);

        assertFails(() -> repo.client().stateDir(state).build().refresh(), ErrorCode.ROLLBACK, "timestamp.json", "older");
        // without remembered versions the old, still valid publication verifies: the protection is the state
        assertThat(repo.client().build().refresh().targets()).hasSize(1);
    }

    @Test
    void aRefreshThatLearnsNothingNewLeavesTheStateFilesUntouchedAndANewPublicationIsSaved() throws Exception {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        Path state = tmp.resolve("state");
        CatalogClient client = repo.client().stateDir(state).build();
        client.refresh();
        Object versionsFile = Files.readAttributes(state.resolve("versions.json"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        Object rootFile = Files.readAttributes(state.resolve("root.json"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey();
        String versions = Files.readString(state.resolve("versions.json"));

        client.refresh();
        repo.client().stateDir(state).build().refresh();

        // every save writes a new file and renames it over the old one: the same file means no save
        assertThat(Files.readAttributes(state.resolve("versions.json"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(versionsFile);
        assertThat(Files.readAttributes(state.resolve("root.json"),
                java.nio.file.attribute.BasicFileAttributes.class).fileKey()).isEqualTo(rootFile);

        repo.addPackage("ai_chatbot", "1.1.0").publish();
        assertThat(client.refresh().targets()).hasSize(2);
        assertThat(Files.readString(state.resolve("versions.json"))).isNotEqualTo(versions);
    }

    @Test
    void rollbackOfSnapshotOrTargetsBehindANewTimestampIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish().publish();
        Path state = tmp.resolve("state");
        repo.client().stateDir(state).build().refresh();
        // a new timestamp (v3) that lists an older snapshot (v1) signed by the real timestamp key
        repo.versions(0, 0, 2).publish();

        assertFails(() -> repo.client().stateDir(state).build().refresh(), ErrorCode.ROLLBACK, "timestamp.json",
                "snapshot.json version");
    }

    @Test
    void indefiniteFreezeWithAnExpiredTimestampIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0")
                .expires(Role.TIMESTAMP, RepoFixture.NOW.minusSeconds(1)).publish();

        assertFails(() -> repo.client().build().refresh(), ErrorCode.METADATA_EXPIRED, "timestamp.json", "expired");
    }

    @Test
    void expiredSnapshotOrTargetsIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0")
                .expires(Role.SNAPSHOT, RepoFixture.NOW).publish();
        assertFails(() -> repo.client().build().refresh(), ErrorCode.METADATA_EXPIRED, "snapshot.json");

        repo.expires(Role.SNAPSHOT, RepoFixture.NOW.plusSeconds(60)).expires(Role.TARGETS, RepoFixture.NOW.minusSeconds(60))
                .publish();
        assertFails(() -> repo.client().build().refresh(), ErrorCode.METADATA_EXPIRED, "targets.json");
    }

    @Test
    void expiredRootIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        repo.expires(Role.ROOT, RepoFixture.NOW.minusSeconds(3600))
                .rotateRoot(repo.keys(Role.ROOT), 1, repo.keys(Role.ROOT), java.util.Map.of());

        assertFails(() -> repo.client().build().refresh(), ErrorCode.METADATA_EXPIRED, "root.json", "v2");
    }

    @Test
    void endlessTimestampIsCutAtItsCap() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        CatalogSource endless = new EndlessSource(new DirectorySource(repo.dir), "timestamp.json");

        assertFails(() -> CatalogClient.builder(endless).trustedRoot(repo.anchor).clock(RepoFixture.clock()).build().refresh(),
                ErrorCode.TOO_LARGE, "timestamp.json", "16384");
    }

    @Test
    void endlessRootRotationFileIsCutAtItsCap() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        CatalogSource endless = new EndlessSource(new DirectorySource(repo.dir), "2.root.json");

        assertFails(() -> CatalogClient.builder(endless).trustedRoot(repo.anchor).clock(RepoFixture.clock()).build().refresh(),
                ErrorCode.TOO_LARGE, "2.root.json", "524288");
    }

    @Test
    void targetsLongerThanTheLengthSnapshotSignsIsCut() throws Exception {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        Files.write(repo.dir.resolve("targets.json"), new byte[4 * 1024 * 1024], java.nio.file.StandardOpenOption.APPEND);

        assertFails(() -> repo.client().build().refresh(), ErrorCode.TOO_LARGE, "targets.json");
    }

    @Test
    void snapshotOverTheConfiguredCapIsCutWhenTimestampGivesNoLength() throws Exception {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0");
        repo.metaHashes = false;
        repo.publish();

        assertFails(() -> repo.client().limits(new FetchLimits(100, 1024 * 1024)).build().refresh(),
                ErrorCode.TOO_LARGE, "snapshot.json", "100 bytes");
    }

    @Test
    void mixAndMatchOfSnapshotFromAnotherPublicationIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        byte[] oldSnapshot = repo.read("snapshot.json");
        byte[] oldTargets = repo.read("targets.json");
        repo.addPackage("ai_chatbot", "1.1.0").publish();

        repo.write("snapshot.json", oldSnapshot);
        assertThatThrownBy(() -> repo.client().build().refresh()).isInstanceOfSatisfying(CatalogException.class, e -> {
            assertThat(e.code()).isIn(ErrorCode.HASH_MISMATCH, ErrorCode.LENGTH_MISMATCH);
            assertThat(e.getMessage()).contains("snapshot.json");
        });
        repo.publish();
        repo.write("targets.json", oldTargets);
        assertThatThrownBy(() -> repo.client().build().refresh()).isInstanceOfSatisfying(CatalogException.class, e -> {
            assertThat(e.code()).isIn(ErrorCode.HASH_MISMATCH, ErrorCode.LENGTH_MISMATCH);
            assertThat(e.getMessage()).contains("targets.json");
        });
    }

    @Test
    void mixAndMatchIsCaughtByVersionWhenNoHashesAreListed() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0");
        repo.metaHashes = false;
        repo.publish();
        byte[] oldTargets = repo.read("targets.json");
        byte[] oldSnapshot = repo.read("snapshot.json");
        repo.addPackage("ai_chatbot", "1.1.0").publish();

        repo.write("targets.json", oldTargets);
        assertFails(() -> repo.client().build().refresh(), ErrorCode.VERSION_MISMATCH, "targets.json", "mixed publications");
        repo.publish();
        repo.write("snapshot.json", oldSnapshot);
        assertFails(() -> repo.client().build().refresh(), ErrorCode.VERSION_MISMATCH, "snapshot.json", "mixed publications");
    }

    @Test
    void thresholdNotMetWithOneSignatureOfTwoOfThreeIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo"), java.util.Map.of(Role.TARGETS, 3),
                java.util.Map.of(Role.TARGETS, 2)).addPackage("ai_chatbot", "1.0.0");
        repo.signers(Role.TARGETS, List.of(repo.key(Role.TARGETS, 1))).publish();
        assertFails(() -> repo.client().build().refresh(), ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, "targets.json",
                "1 valid targets key", "threshold is 2");

        repo.signers(Role.TARGETS, List.of(repo.key(Role.TARGETS, 0), repo.key(Role.TARGETS, 2))).publish();
        VerifiedCatalog catalog = repo.client().build().refresh();
        assertThat(catalog.targetsSignedBy()).containsExactlyInAnyOrder(
                repo.key(Role.TARGETS, 0).keyId(), repo.key(Role.TARGETS, 2).keyId());
    }

    @Test
    void oneKeySigningTwiceCountsOnce() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo"), java.util.Map.of(Role.TIMESTAMP, 2),
                java.util.Map.of(Role.TIMESTAMP, 2)).addPackage("ai_chatbot", "1.0.0");
        repo.signers(Role.TIMESTAMP, List.of(repo.key(Role.TIMESTAMP, 0), repo.key(Role.TIMESTAMP, 0))).publish();

        assertFails(() -> repo.client().build().refresh(), ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, "timestamp.json",
                "threshold is 2");
    }

    @Test
    void signaturesOfUnknownKeysAndBadSignaturesAreIgnoredWhileTheThresholdIsMet() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0");
        List<com.nextpanel.addons.catalog.tuf.SigningKey> outsiders = RepoFixture.newKeys(2);
        repo.signers(Role.TARGETS, List.of(outsiders.get(0), repo.key(Role.TARGETS, 0), outsiders.get(1))).publish();

        assertThat(repo.client().build().refresh().targetsSignedBy()).containsExactly(repo.key(Role.TARGETS, 0).keyId());
    }

    @Test
    void tamperedTimestampFailsItsSignature() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        String ts = new String(repo.read("timestamp.json"), java.nio.charset.StandardCharsets.UTF_8);
        repo.write("timestamp.json", ts.replace("\"version\" : 1", "\"version\" : 7")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertFails(() -> repo.client().build().refresh(), ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, "timestamp.json");
    }

    @Test
    void unsignedMetadataIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0");
        repo.metaHashes = false;
        repo.signers(Role.TARGETS, List.of()).publish();

        assertFails(() -> repo.client().build().refresh(), ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, "targets.json",
                "signed by 0 valid");
    }

    @Test
    void targetsSignedByTheSnapshotKeyIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0");
        repo.signers(Role.TARGETS, List.of(repo.key(Role.SNAPSHOT, 0))).publish();

        assertFails(() -> repo.client().build().refresh(), ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, "targets.json");
    }

    @Test
    void rootRotationSignedByOldAndNewKeysIsFollowedAndRemembered() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        List<com.nextpanel.addons.catalog.tuf.SigningKey> oldRoot = repo.keys(Role.ROOT);
        List<com.nextpanel.addons.catalog.tuf.SigningKey> newRoot = RepoFixture.newKeys(1);
        repo.rotateRoot(newRoot, 1, List.of(oldRoot.get(0), newRoot.get(0)), java.util.Map.of());
        repo.rotateRoot(newRoot, 1, newRoot, java.util.Map.of());
        Path state = tmp.resolve("state");

        assertThat(repo.client().stateDir(state).build().refresh().root().version()).isEqualTo(3);
        assertThat(state.resolve("root.json")).hasBinaryContent(repo.read("3.root.json"));
        // a rotation back to v2 served as 3.root.json no longer matters: the client starts from v3
        repo.write("3.root.json", repo.read("2.root.json"));
        assertThat(repo.client().stateDir(state).build().refresh().root().version()).isEqualTo(3);
    }

    @Test
    void rootRotationNotSignedByTheOldRootIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        List<com.nextpanel.addons.catalog.tuf.SigningKey> attacker = RepoFixture.newKeys(1);
        repo.rotateRoot(attacker, 1, attacker, java.util.Map.of());

        assertFails(() -> repo.client().build().refresh(), ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, "2.root.json", "old");
    }

    @Test
    void rootRotationNotSignedByTheNewRootsThresholdIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        List<com.nextpanel.addons.catalog.tuf.SigningKey> oldRoot = repo.keys(Role.ROOT);
        List<com.nextpanel.addons.catalog.tuf.SigningKey> newRoot = RepoFixture.newKeys(2);
        repo.rotateRoot(newRoot, 2, List.of(oldRoot.get(0), newRoot.get(0)), java.util.Map.of());

        assertFails(() -> repo.client().build().refresh(), ErrorCode.SIGNATURE_THRESHOLD_NOT_MET, "2.root.json",
                "threshold is 2");
    }

    @Test
    void rootFileWithTheWrongVersionIsRejected() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        repo.rotateRoot(repo.keys(Role.ROOT), 1, repo.keys(Role.ROOT), java.util.Map.of())
                .rotateRoot(repo.keys(Role.ROOT), 1, repo.keys(Role.ROOT), java.util.Map.of());
        repo.write("2.root.json", repo.read("3.root.json"));

        assertFails(() -> repo.client().build().refresh(), ErrorCode.VERSION_MISMATCH, "2.root.json", "expected 2");
    }

    @Test
    void timestampKeyRotationLetsTheRepositoryRecoverFromAHighVersion() {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0")
                .versions(0, 0, 999).publish();
        Path state = tmp.resolve("state");
        repo.client().stateDir(state).build().refresh();
        // the timestamp key leaked and signed v999; the owners rotate it and start again at 1
        repo.rotateRoot(repo.keys(Role.ROOT), 1, repo.keys(Role.ROOT), java.util.Map.of(Role.TIMESTAMP, RepoFixture.newKeys(1)))
                .versions(1, 1, 0).publish();

        assertThat(repo.client().stateDir(state).build().refresh().timestamp().version()).isEqualTo(1);
    }

    @Test
    void aDifferentTrustAnchorStartsFromAFreshState() throws Exception {
        RepoFixture first = RepoFixture.create(tmp.resolve("first")).addPackage("ai_chatbot", "1.0.0").versions(5, 5, 5).publish();
        Path state = tmp.resolve("state");
        first.client().stateDir(state).build().refresh();
        RepoFixture second = RepoFixture.create(tmp.resolve("second")).addPackage("ai_chatbot", "1.0.0").publish();

        assertThat(second.client().stateDir(state).build().refresh().timestamp().version()).isEqualTo(1);
    }

    @Test
    void anUnchangedTrustedRootIsNotRewrittenOnEveryRefresh() throws Exception {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        Path state = tmp.resolve("state");
        repo.client().stateDir(state).build().refresh();
        java.nio.file.attribute.FileTime marked = java.nio.file.attribute.FileTime.fromMillis(1_000_000_000_000L);
        Files.setLastModifiedTime(state.resolve("root.json"), marked);
        byte[] versionsBefore = Files.readAllBytes(state.resolve("versions.json"));

        repo.versions(2, 2, 2).publish();
        repo.client().stateDir(state).build().refresh();

        assertThat(Files.getLastModifiedTime(state.resolve("root.json"))).isEqualTo(marked);
        assertThat(Files.readAllBytes(state.resolve("versions.json"))).isNotEqualTo(versionsBefore);
    }

    @Test
    void aTargetsSummaryAsJsonIsExactlyWhatTheStrictMetadataParserReadsFromItsBytes() throws Exception {
        com.fasterxml.jackson.databind.JsonNode custom = com.nextpanel.addons.catalog.tuf.TufJson.parseObject("""
                {"id":"ai_chatbot","name":"AI Chatbot","version":"1.1.0-rc.1","description":"Chats","category":"Support",
                 "requires":{"core":">=2.0.0 <3.0.0","addons":{"notification_hub":"^1.0"}},"conflicts":["old_chat"],
                 "routes":["/api/v1/chat"],"permissions":["billing.customers:read"],"tables":["chat_sessions"],
                 "console":{"navigation":[{"parent":"Support","label":"Live Chats","icon":"message-circle",
                   "view":{"type":"table","route":"/api/v1/chat/sessions","columns":[{"field":"id","label":"Id"}]}}]},
                 "changelog":"Streaming replies"}""".getBytes(java.nio.charset.StandardCharsets.UTF_8), "custom");
        com.nextpanel.addons.catalog.manifest.ManifestSummary summary = SummaryJson.fromCustom(custom, "custom");
        byte[] bytes = com.fasterxml.jackson.databind.json.JsonMapper.builder().build().writeValueAsBytes(summary);

        assertThat(SummaryJson.toCustom(summary))
                .isEqualTo(com.nextpanel.addons.catalog.tuf.TufJson.parseObject(bytes, "summary"))
                .isEqualTo(custom);
    }

    @Test
    void missingTimestampIsReportedByName() throws Exception {
        RepoFixture repo = RepoFixture.create(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish();
        Files.delete(repo.dir.resolve("timestamp.json"));

        assertFails(() -> repo.client().build().refresh(), ErrorCode.NOT_FOUND, "timestamp.json", "missing");
    }

    @Test
    void aConsistentSnapshotRepositoryIsReadByVersionedAndHashPrefixedNames() throws Exception {
        RepoFixture repo = RepoFixture.createConsistent(tmp.resolve("repo")).addPackage("ai_chatbot", "1.0.0").publish()
                .addPackage("ai_chatbot", "1.1.0").publish();
        assertThat(repo.dir.resolve("snapshot.json")).doesNotExist();
        CatalogClient client = repo.client().build();

        VerifiedCatalog catalog = client.refresh();
        CatalogTarget target = catalog.find("ai_chatbot", "1.1.0").orElseThrow();
        Path file = client.fetchTarget(target, tmp.resolve("cache"));

        assertThat(catalog.targetsRole().version()).isEqualTo(2);
        assertThat(Files.readAllBytes(file)).isEqualTo(
                repo.read("packages/" + target.sha256() + ".ai_chatbot-1.1.0.zip"));
    }
}
