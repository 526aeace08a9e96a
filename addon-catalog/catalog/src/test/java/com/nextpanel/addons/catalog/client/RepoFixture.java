package com.nextpanel.addons.catalog.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.version.Version;
import com.nextpanel.addons.catalog.tuf.MetaFile;
import com.nextpanel.addons.catalog.tuf.Role;
import com.nextpanel.addons.catalog.tuf.RootMetadata;
import com.nextpanel.addons.catalog.tuf.SignedEnvelope;
import com.nextpanel.addons.catalog.tuf.SigningKey;
import com.nextpanel.addons.catalog.tuf.SnapshotMetadata;
import com.nextpanel.addons.catalog.tuf.TargetFile;
import com.nextpanel.addons.catalog.tuf.TargetsMetadata;
import com.nextpanel.addons.catalog.tuf.TimestampMetadata;
import com.nextpanel.addons.catalog.tuf.TufJson;
import com.nextpanel.addons.catalog.tuf.TufKey;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Builds real signed TUF catalogs in a directory, with any number of keys per role, any threshold, any
 * signers, versions and expiries, so that each attack can be staged on real files.
 */
final class RepoFixture {

    static final Instant NOW = Instant.parse("2030-06-01T12:00:00Z");
    private static final SecureRandom RANDOM = new SecureRandom();

    final Path dir;
    final Path anchor;
    private final Map<Role, List<SigningKey>> keys = new EnumMap<>(Role.class);
    private final Map<Role, Integer> thresholds = new EnumMap<>(Role.class);
    private final Map<Role, Instant> expires = new EnumMap<>(Role.class);
    private final Map<Role, List<SigningKey>> signers = new EnumMap<>(Role.class);
    private final Map<String, TargetFile> targets = new TreeMap<>();
    private RootMetadata root;
    private int targetsVersion;
    private int snapshotVersion;
    private int timestampVersion;
    boolean metaHashes = true;
    private boolean consistent;

    private RepoFixture(Path dir, Map<Role, Integer> keyCounts, Map<Role, Integer> thresholds) {
        this.dir = dir;
        this.anchor = dir.resolveSibling(dir.getFileName() + "-trusted-root.json");
        for (Role role : Role.values()) {
            List<SigningKey> list = new ArrayList<>();
            for (int i = 0; i < keyCounts.getOrDefault(role, 1); i++) {
                list.add(SigningKey.generate(RANDOM));
            }
            keys.put(role, list);
            this.thresholds.put(role, thresholds.getOrDefault(role, 1));
            expires.put(role, NOW.plus(Duration.ofDays(30)));
        }
    }

    /** One key per role, thresholds 1, root v1 written (also as the trust anchor beside the directory). */
    static RepoFixture create(Path dir) {
        return create(dir, Map.of(), Map.of());
    }

    static RepoFixture create(Path dir, Map<Role, Integer> keyCounts, Map<Role, Integer> thresholds) {
        return create(dir, keyCounts, thresholds, false);
    }

    /** A repository with {@code consistent_snapshot: true}, laid out as python-tuf and go-tuf publish by default. */
    static RepoFixture createConsistent(Path dir) {
        return create(dir, Map.of(), Map.of(), true);
    }

    private static RepoFixture create(Path dir, Map<Role, Integer> keyCounts, Map<Role, Integer> thresholds,
                                      boolean consistent) {
        RepoFixture f = new RepoFixture(dir, keyCounts, thresholds);
        f.consistent = consistent;
        f.root = f.rootFor(1, f.keys);
        byte[] bytes = f.sign(f.root.toSigned(), f.keys.get(Role.ROOT));
        f.write("1.root.json", bytes);
        f.write("root.json", bytes);
        try {
            Files.write(f.anchor, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return f;
    }

    static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }

    CatalogClient.Builder client() {
        return CatalogClient.builder(dir.toString()).trustedRoot(anchor).clock(clock());
    }

    SigningKey key(Role role, int index) {
        return keys.get(role).get(index);
    }

    List<SigningKey> keys(Role role) {
        return keys.get(role);
    }

    RepoFixture signers(Role role, List<SigningKey> list) {
        signers.put(role, list);
        return this;
    }

    RepoFixture expires(Role role, Instant when) {
        expires.put(role, when);
        return this;
    }

    /** Adds a small real zip as {@code packages/<id>-<version>.zip} with its summary. */
    RepoFixture addPackage(String id, String version) {
        byte[] zip = zip(id, version);
        String path = "packages/" + id + "-" + version + ".zip";
        write(consistent ? "packages/" + com.nextpanel.addons.catalog.tuf.Hashes.sha256Hex(zip) + "." + id + "-" + version + ".zip"
                : path, zip);
        ManifestSummary summary = new ManifestSummary(id, id + " addon", Version.parse(version), "test addon", "Support",
                null, null, List.of("/api/v1/" + id), null, List.of("items"), null, null);
        targets.put(path, TargetFile.of(zip, SummaryJson.toCustom(summary)));
        return this;
    }

    /** Signs and writes targets, snapshot and timestamp with versions one higher than before. */
    RepoFixture publish() {
        targetsVersion++;
        snapshotVersion++;
        timestampVersion++;
        byte[] t = sign(TargetsMetadata.of(targetsVersion, expires.get(Role.TARGETS), targets).toSigned(), signersOf(Role.TARGETS));
        byte[] s = sign(new SnapshotMetadata(snapshotVersion, expires.get(Role.SNAPSHOT), meta(targetsVersion, t)).toSigned(),
                signersOf(Role.SNAPSHOT));
        byte[] ts = sign(new TimestampMetadata(timestampVersion, expires.get(Role.TIMESTAMP), meta(snapshotVersion, s)).toSigned(),
                signersOf(Role.TIMESTAMP));
        if (consistent) {
            write(targetsVersion + ".targets.json", t);
            write(snapshotVersion + ".snapshot.json", s);
        } else {
            write("targets.json", t);
            write("snapshot.json", s);
        }
        write("timestamp.json", ts);
        return this;
    }

    /** Sets the versions the next {@link #publish()} continues from. */
    RepoFixture versions(int targets, int snapshot, int timestamp) {
        targetsVersion = targets;
        snapshotVersion = snapshot;
        timestampVersion = timestamp;
        return this;
    }

    /**
     * Writes root version N+1 whose root role has {@code newRootKeys}, signed by {@code signedBy}; other roles
     * get {@code otherRoles} (or keep theirs).
     */
    RepoFixture rotateRoot(List<SigningKey> newRootKeys, int threshold, List<SigningKey> signedBy,
                           Map<Role, List<SigningKey>> otherRoles) {
        Map<Role, List<SigningKey>> next = new EnumMap<>(keys);
        next.putAll(otherRoles);
        next.put(Role.ROOT, newRootKeys);
        thresholds.put(Role.ROOT, threshold);
        RootMetadata newRoot = rootFor(root.version() + 1, next);
        byte[] bytes = sign(newRoot.toSigned(), signedBy);
        write(newRoot.version() + ".root.json", bytes);
        write("root.json", bytes);
        root = newRoot;
        keys.putAll(next);
        signers.clear();
        return this;
    }

    static List<SigningKey> newKeys(int n) {
        List<SigningKey> list = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            list.add(SigningKey.generate(RANDOM));
        }
        return list;
    }

    byte[] read(String name) {
        try {
            return Files.readAllBytes(dir.resolve(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void write(String name, byte[] bytes) {
        try {
            Path p = dir.resolve(name);
            Files.createDirectories(p.getParent());
            Files.write(p, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private RootMetadata rootFor(int version, Map<Role, List<SigningKey>> roleKeys) {
        Map<Role, List<TufKey>> pub = new EnumMap<>(Role.class);
        roleKeys.forEach((role, list) -> pub.put(role, list.stream().map(SigningKey::publicKey).toList()));
        RootMetadata plain = RootMetadata.of(version, expires.get(Role.ROOT), pub, thresholds);
        return new RootMetadata(plain.version(), plain.expires(), consistent, plain.keys(), plain.roles());
    }

    private MetaFile meta(int version, byte[] bytes) {
        return metaHashes ? MetaFile.of(version, bytes) : MetaFile.versionOnly(version);
    }

    private List<SigningKey> signersOf(Role role) {
        return signers.getOrDefault(role, keys.get(role));
    }

    byte[] sign(ObjectNode signed, List<SigningKey> by) {
        return SignedEnvelope.sign(signed, by).toBytes();
    }

    static byte[] zip(String id, String version) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("addon.json"));
            zip.write(("{\"id\":\"" + id + "\",\"version\":\"" + version + "\"}").getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
