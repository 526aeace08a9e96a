package com.nextpanel.addons.catalog.tuf;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.bouncycastle.util.encoders.Hex;

/**
 * Writes a TUF repository into a directory: creates root version 1 when there is none, adds targets,
 * bumps the targets, snapshot and timestamp versions, signs with the {@link Keyring} and writes every
 * file atomically. Packages are copied before the metadata that names them is written.
 */
public final class CatalogPublisher {

    public static final Map<Role, Duration> DEFAULT_EXPIRY = Map.of(
            Role.ROOT, Duration.ofDays(365),
            Role.TARGETS, Duration.ofDays(90),
            Role.SNAPSHOT, Duration.ofDays(30),
            Role.TIMESTAMP, Duration.ofDays(7));

    /** A file to publish under {@code path} (e.g. {@code packages/ai_chatbot-1.0.0.zip}) with its {@code custom} data. */
    public record NewTarget(String path, Path file, JsonNode custom) {
    }

    /** What a publication wrote: the new versions and the targets added (those already present are skipped). */
    public record Result(int rootVersion, int targetsVersion, int snapshotVersion, int timestampVersion,
                        List<String> added, List<String> unchanged) {
    }

    private final Path dir;
    private final Keyring keys;
    private final Clock clock;
    private final Map<Role, Duration> expiries;
    private final boolean renewRoot;

    /**
     * @param expiries per role; missing roles get {@link #DEFAULT_EXPIRY}. When it names {@link Role#ROOT} and the
     *                 root exists, a new root version with that expiry is published.
     */
    public CatalogPublisher(Path dir, Keyring keys, Clock clock, Map<Role, Duration> expiries) {
        this.dir = dir;
        this.keys = keys;
        this.clock = clock;
        this.renewRoot = expiries.containsKey(Role.ROOT);
        Map<Role, Duration> all = new EnumMap<>(DEFAULT_EXPIRY);
        all.putAll(expiries);
        this.expiries = all;
    }

    public Result publish(List<NewTarget> newTargets) {
        try {
            return doPublish(newTargets);
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, dir + ": cannot publish (" + e.getMessage() + ")", e);
        }
    }

    private Result doPublish(List<NewTarget> newTargets) throws IOException {
        Instant now = clock.instant();
        Files.createDirectories(dir);
        RootMetadata root = currentRoot(now);
        checkKeysBelongToRoot(root);

        int targetsVersion = 0;
        Map<String, TargetFile> targets = new TreeMap<>();
        Path targetsFile = dir.resolve(Role.TARGETS.fileName());
        if (Files.exists(targetsFile)) {
            TargetsMetadata old = TargetsMetadata.fromSigned(
                    SignedEnvelope.parse(Files.readAllBytes(targetsFile), targetsFile.toString()).signed(), targetsFile.toString());
            targetsVersion = old.version();
            targets.putAll(old.targets());
        }

        // check everything before changing anything
        Map<String, NewTarget> toCopy = new LinkedHashMap<>();
        List<String> unchanged = new ArrayList<>();
        for (NewTarget t : newTargets) {
            TargetPaths.requireSafe(t.path());
            FileDigest digest = digest(t.file());
            TargetFile entry = new TargetFile(digest.length(), Map.of("sha256", digest.sha256()),
                    java.util.Optional.ofNullable(t.custom()));
            TargetFile existing = targets.get(t.path());
            if (existing != null && !(existing.length() == entry.length()
                    && digest.sha256().equalsIgnoreCase(existing.sha256().orElse("")))) {
                throw new CatalogException(ErrorCode.PUBLISH_CONFLICT, t.path() + ": already published with other bytes ("
                        + t.file() + " differs); a published version never changes, publish a new version");
            }
            NewTarget earlier = toCopy.get(t.path());
            if (earlier != null && !digest(earlier.file()).equals(digest)) {
                throw new CatalogException(ErrorCode.PUBLISH_CONFLICT,
                        t.path() + ": given twice with different bytes (" + earlier.file() + ", " + t.file() + ")");
            }
            if (existing != null) {
                unchanged.add(t.path());
            } else {
                toCopy.put(t.path(), t);
                targets.put(t.path(), entry);
            }
        }
        for (NewTarget t : toCopy.values()) {
            AtomicFiles.copy(t.file(), dir.resolve(t.path()));
        }

        TargetsMetadata newTargetsMeta = TargetsMetadata.of(targetsVersion + 1, now.plus(expiries.get(Role.TARGETS)), targets);
        byte[] targetsBytes = sign(newTargetsMeta.toSigned(), Role.TARGETS);

        int snapshotVersion = readVersion(Role.SNAPSHOT) + 1;
        SnapshotMetadata snapshot = new SnapshotMetadata(snapshotVersion, now.plus(expiries.get(Role.SNAPSHOT)),
                MetaFile.of(newTargetsMeta.version(), targetsBytes));
        byte[] snapshotBytes = sign(snapshot.toSigned(), Role.SNAPSHOT);

        int timestampVersion = readVersion(Role.TIMESTAMP) + 1;
        TimestampMetadata timestamp = new TimestampMetadata(timestampVersion, now.plus(expiries.get(Role.TIMESTAMP)),
                MetaFile.of(snapshotVersion, snapshotBytes));
        byte[] timestampBytes = sign(timestamp.toSigned(), Role.TIMESTAMP);

        AtomicFiles.write(targetsFile, targetsBytes);
        AtomicFiles.write(dir.resolve(Role.SNAPSHOT.fileName()), snapshotBytes);
        AtomicFiles.write(dir.resolve(Role.TIMESTAMP.fileName()), timestampBytes);
        return new Result(root.version(), newTargetsMeta.version(), snapshotVersion, timestampVersion,
                List.copyOf(toCopy.keySet()), List.copyOf(unchanged));
    }

    /** The root in the directory, a new version of it when asked, or version 1 when there is none. */
    private RootMetadata currentRoot(Instant now) throws IOException {
        Path rootFile = dir.resolve(Role.ROOT.fileName());
        Instant rootExpires = now.plus(expiries.get(Role.ROOT));
        RootMetadata root;
        if (Files.exists(rootFile)) {
            root = RootMetadata.fromSigned(SignedEnvelope.parse(Files.readAllBytes(rootFile), rootFile.toString()).signed(),
                    rootFile.toString());
            if (!renewRoot) {
                return root;
            }
            root = root.withVersion(root.version() + 1, rootExpires);
        } else {
            Map<Role, List<TufKey>> roleKeys = new EnumMap<>(Role.class);
            for (Role role : Role.values()) {
                roleKeys.put(role, List.of(keys.key(role).publicKey()));
            }
            root = RootMetadata.of(1, rootExpires, roleKeys, Map.of());
        }
        byte[] bytes = sign(root.toSigned(), Role.ROOT);
        AtomicFiles.write(dir.resolve(root.version() + ".root.json"), bytes);
        AtomicFiles.write(rootFile, bytes);
        return root;
    }

    private void checkKeysBelongToRoot(RootMetadata root) {
        for (Role role : Role.values()) {
            RoleKeys rk = root.role(role);
            String id = keys.key(role).keyId();
            if (!rk.keyIds().contains(id)) {
                throw new CatalogException(ErrorCode.KEY_INVALID, "the " + role.id() + " key " + id
                        + " is not one of the keys root.json names for the " + role.id() + " role");
            }
            if (rk.threshold() > 1) {
                throw new CatalogException(ErrorCode.KEY_INVALID, "root.json requires " + rk.threshold() + " "
                        + role.id() + " signatures; this publisher signs with one key per role");
            }
        }
    }

    private byte[] sign(com.fasterxml.jackson.databind.node.ObjectNode signed, Role role) {
        return SignedEnvelope.sign(signed, List.of(keys.key(role))).toBytes();
    }

    private int readVersion(Role role) throws IOException {
        Path file = dir.resolve(role.fileName());
        try {
            JsonNode v = SignedEnvelope.parse(Files.readAllBytes(file), file.toString()).signed().get("version");
            return MetadataFields.positiveInt(v, file.toString(), "version");
        } catch (NoSuchFileException e) {
            return 0;
        }
    }

    private record FileDigest(long length, String sha256) {
    }

    private static FileDigest digest(Path file) throws IOException {
        MessageDigest md = Hashes.digest("sha256").orElseThrow();
        long length = 0;
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[64 * 1024];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
                length += n;
            }
        } catch (NoSuchFileException e) {
            throw new CatalogException(ErrorCode.NOT_FOUND, file + ": no such file", e);
        }
        return new FileDigest(length, Hex.toHexString(md.digest()));
    }
}
