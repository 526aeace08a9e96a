package com.nextpanel.addons.catalog.client;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.tuf.Hashes;
import com.nextpanel.addons.catalog.tuf.MetaFile;
import com.nextpanel.addons.catalog.tuf.Role;
import com.nextpanel.addons.catalog.tuf.RootMetadata;
import com.nextpanel.addons.catalog.tuf.SignedEnvelope;
import com.nextpanel.addons.catalog.tuf.Signatures;
import com.nextpanel.addons.catalog.tuf.SnapshotMetadata;
import com.nextpanel.addons.catalog.tuf.TargetsMetadata;
import com.nextpanel.addons.catalog.tuf.TimestampMetadata;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The TUF client workflow (specification 1.0, section 5): update root by walking {@code N+1.root.json},
 * then timestamp, snapshot and targets, each checked for threshold signatures, rollback, expiry and the
 * version, length and hashes the referring role signed. Every download is capped.
 */
final class MetadataUpdater {

    /** The metadata trusted at the end of a refresh, with the key ids that signed each role. */
    record Trusted(RootMetadata root, List<String> rootSignedBy, TimestampMetadata timestamp, List<String> timestampSignedBy,
                   SnapshotMetadata snapshot, List<String> snapshotSignedBy, TargetsMetadata targets,
                   List<String> targetsSignedBy, TrustState state) {
    }

    private final CatalogSource source;
    private final FetchLimits limits;
    private final Instant now;
    private final Consumer<TrustState> persist;
    private String anchorName = "trusted root";

    /**
     * @param now     the fixed update start time all expiries are checked against
     * @param persist called with the state each time a step adds to what is trusted
     */
    MetadataUpdater(CatalogSource source, FetchLimits limits, Instant now, Consumer<TrustState> persist) {
        this.source = source;
        this.limits = limits;
        this.now = now;
        this.persist = persist;
    }

    /** Names the trust anchor in messages (its file path). */
    void anchorName(String name) {
        this.anchorName = name;
    }

    Trusted update(TrustState start) {
        SignedEnvelope rootEnvelope = SignedEnvelope.parse(start.rootBytes(), anchorName);
        RootMetadata root = RootMetadata.fromSigned(rootEnvelope.signed(), anchorName);
        List<String> rootSignedBy = Signatures.verifyThreshold(rootEnvelope, root, Role.ROOT, anchorName);
        TrustState state = start;

        // 5.3: root rotation, each new root signed by the threshold of the old root and of itself
        RootMetadata original = root;
        for (int i = 0; i < FetchLimits.MAX_ROOT_ROTATIONS; i++) {
            String name = (root.version() + 1) + ".root.json";
            Optional<byte[]> next = BoundedReads.read(source, name, FetchLimits.ROOT_MAX_BYTES);
            if (next.isEmpty()) {
                break;
            }
            String where = source.locate(name);
            SignedEnvelope envelope = SignedEnvelope.parse(next.get(), where);
            RootMetadata candidate = RootMetadata.fromSigned(envelope.signed(), where);
            Signatures.verifyThreshold(envelope, root.keys(), root.role(Role.ROOT), "root (old, v" + root.version() + ")", where);
            rootSignedBy = Signatures.verifyThreshold(envelope, candidate, Role.ROOT, where);
            if (candidate.version() != root.version() + 1) {
                throw new CatalogException(ErrorCode.VERSION_MISMATCH,
                        where + ": holds root version " + candidate.version() + ", expected " + (root.version() + 1));
            }
            root = candidate;
            state = state.withRoot(next.get());
            persist.accept(state);
        }
        expiry(root.expires(), source.locate(Role.ROOT.fileName()) + " (trusted root v" + root.version() + ")");
        state = fastForwardAfterRotation(original, root, state);

        // 5.4: timestamp
        String tsWhere = source.locate(Role.TIMESTAMP.fileName());
        SignedEnvelope tsEnvelope = SignedEnvelope.parse(
                BoundedReads.require(source, Role.TIMESTAMP.fileName(), FetchLimits.TIMESTAMP_MAX_BYTES), tsWhere);
        List<String> tsSignedBy = Signatures.verifyThreshold(tsEnvelope, root, Role.TIMESTAMP, tsWhere);
        TimestampMetadata timestamp = TimestampMetadata.fromSigned(tsEnvelope.signed(), tsWhere);
        notBefore(timestamp.version(), state.timestampVersion(), tsWhere, "timestamp");
        notBefore(timestamp.snapshotMeta().version(), state.snapshotVersion(), tsWhere, "snapshot.json version it lists");
        expiry(timestamp.expires(), tsWhere);
        state = state.withVersions(timestamp.version(), state.snapshotVersion(), state.targetsVersion());
        persist.accept(state);

        // 5.5: snapshot, exactly the one timestamp names
        // with consistent snapshots the repository keeps every version under <version>.<role>.json
        String snapName = root.consistentSnapshot() ? timestamp.snapshotMeta().version() + "." + Role.SNAPSHOT.fileName()
                : Role.SNAPSHOT.fileName();
        String snapWhere = source.locate(snapName);
        byte[] snapBytes = fetchListed(snapName, timestamp.snapshotMeta(), limits.snapshotMaxBytes(), snapWhere,
                Role.TIMESTAMP.fileName());
        SignedEnvelope snapEnvelope = SignedEnvelope.parse(snapBytes, snapWhere);
        List<String> snapSignedBy = Signatures.verifyThreshold(snapEnvelope, root, Role.SNAPSHOT, snapWhere);
        SnapshotMetadata snapshot = SnapshotMetadata.fromSigned(snapEnvelope.signed(), snapWhere);
        if (snapshot.version() != timestamp.snapshotMeta().version()) {
            throw new CatalogException(ErrorCode.VERSION_MISMATCH, snapWhere + ": is version " + snapshot.version()
                    + " but timestamp.json lists version " + timestamp.snapshotMeta().version() + " (mixed publications)");
        }
        notBefore(snapshot.targetsMeta().version(), state.targetsVersion(), snapWhere, "targets.json version it lists");
        expiry(snapshot.expires(), snapWhere);
        state = state.withVersions(timestamp.version(), snapshot.version(), state.targetsVersion());
        persist.accept(state);

        // 5.6: targets, exactly the one snapshot names
        String targetsName = root.consistentSnapshot() ? snapshot.targetsMeta().version() + "." + Role.TARGETS.fileName()
                : Role.TARGETS.fileName();
        String targetsWhere = source.locate(targetsName);
        byte[] targetsBytes = fetchListed(targetsName, snapshot.targetsMeta(), limits.targetsMaxBytes(), targetsWhere,
                Role.SNAPSHOT.fileName());
        SignedEnvelope targetsEnvelope = SignedEnvelope.parse(targetsBytes, targetsWhere);
        List<String> targetsSignedBy = Signatures.verifyThreshold(targetsEnvelope, root, Role.TARGETS, targetsWhere);
        TargetsMetadata targets = TargetsMetadata.fromSigned(targetsEnvelope.signed(), targetsWhere);
        if (targets.version() != snapshot.targetsMeta().version()) {
            throw new CatalogException(ErrorCode.VERSION_MISMATCH, targetsWhere + ": is version " + targets.version()
                    + " but snapshot.json lists version " + snapshot.targetsMeta().version() + " (mixed publications)");
        }
        expiry(targets.expires(), targetsWhere);
        state = state.withVersions(timestamp.version(), snapshot.version(), targets.version());
        persist.accept(state);

        return new Trusted(root, rootSignedBy, timestamp, tsSignedBy, snapshot, snapSignedBy, targets, targetsSignedBy, state);
    }

    /** Downloads a file capped by the length its referrer signs (or the configured cap) and checks length and hashes. */
    private byte[] fetchListed(String name, MetaFile listed, long defaultCap, String where, String referrer) {
        long cap = listed.length().orElse(defaultCap);
        byte[] bytes = BoundedReads.require(source, name, cap);
        if (listed.length().isPresent() && bytes.length != listed.length().getAsLong()) {
            throw new CatalogException(ErrorCode.LENGTH_MISMATCH, where + ": is " + bytes.length
                    + " bytes, " + referrer + " signs " + listed.length().getAsLong() + " (mixed or altered publication)");
        }
        Hashes.firstMismatch(bytes, listed.hashes()).ifPresent(alg -> {
            throw new CatalogException(ErrorCode.HASH_MISMATCH, where + ": " + alg
                    + " differs from the hash " + referrer + " signs (mixed or altered publication)");
        });
        return bytes;
    }

    /** 5.3.11: when a new root changed the timestamp or snapshot keys, forget their versions so the repository can recover. */
    private static TrustState fastForwardAfterRotation(RootMetadata before, RootMetadata after, TrustState state) {
        if (before.version() == after.version()) {
            return state;
        }
        boolean timestampRotated = !before.role(Role.TIMESTAMP).equals(after.role(Role.TIMESTAMP));
        boolean snapshotRotated = !before.role(Role.SNAPSHOT).equals(after.role(Role.SNAPSHOT));
        boolean targetsRotated = !before.role(Role.TARGETS).equals(after.role(Role.TARGETS));
        return state.withVersions(
                timestampRotated || snapshotRotated ? 0 : state.timestampVersion(),
                timestampRotated || snapshotRotated ? 0 : state.snapshotVersion(),
                snapshotRotated || targetsRotated ? 0 : state.targetsVersion());
    }

    private void expiry(Instant expires, String where) {
        if (!expires.isAfter(now)) {
            throw new CatalogException(ErrorCode.METADATA_EXPIRED, where + ": expired at " + expires + " (now " + now + ")");
        }
    }

    private static void notBefore(int version, int trusted, String where, String what) {
        if (version < trusted) {
            throw new CatalogException(ErrorCode.ROLLBACK, where + ": " + what + " " + version
                    + " is older than the trusted version " + trusted + " (rollback)");
        }
    }
}
