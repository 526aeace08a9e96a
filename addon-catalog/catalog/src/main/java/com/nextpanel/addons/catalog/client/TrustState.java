package com.nextpanel.addons.catalog.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.tuf.AtomicFiles;
import com.nextpanel.addons.catalog.tuf.Hashes;
import com.nextpanel.addons.catalog.tuf.TufJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a client trusted last, kept in its state directory: the newest root it accepted ({@code root.json})
 * and the versions of timestamp, snapshot and targets ({@code versions.json}), so that no version ever goes
 * back (rollback protection). The state is bound to the trust anchor it grew from: a different anchor file
 * starts afresh from that anchor.
 *
 * @param anchorSha256     SHA-256 of the trust anchor file this state grew from
 * @param rootBytes        the newest trusted root, as signed bytes
 * @param timestampVersion 0 when none was trusted yet
 */
record TrustState(String anchorSha256, byte[] rootBytes, int timestampVersion, int snapshotVersion, int targetsVersion) {

    private static final String ROOT = "root.json";
    private static final String VERSIONS = "versions.json";

    static TrustState fresh(byte[] anchorBytes) {
        return new TrustState(Hashes.sha256Hex(anchorBytes), anchorBytes, 0, 0, 0);
    }

    /** The persisted state when it belongs to this anchor, otherwise a fresh one. */
    static TrustState load(Optional<Path> stateDir, byte[] anchorBytes) {
        TrustState fresh = fresh(anchorBytes);
        if (stateDir.isEmpty() || !Files.exists(stateDir.get().resolve(VERSIONS))) {
            return fresh;
        }
        Path versions = stateDir.get().resolve(VERSIONS);
        try {
            JsonNode v = TufJson.parseObject(Files.readAllBytes(versions), versions.toString());
            if (!fresh.anchorSha256().equals(v.path("anchor").asText())) {
                return fresh;
            }
            return new TrustState(fresh.anchorSha256(), Files.readAllBytes(stateDir.get().resolve(ROOT)),
                    v.path("timestamp").asInt(0), v.path("snapshot").asInt(0), v.path("targets").asInt(0));
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, stateDir.get() + ": cannot read the client state (" + e.getMessage() + ")", e);
        }
    }

    TrustState withRoot(byte[] bytes) {
        return new TrustState(anchorSha256, bytes, timestampVersion, snapshotVersion, targetsVersion);
    }

    TrustState withVersions(int timestamp, int snapshot, int targets) {
        return new TrustState(anchorSha256, rootBytes, timestamp, snapshot, targets);
    }

    /** @return whether both hold the same anchor, root bytes and versions (a record compares arrays by identity) */
    boolean sameAs(TrustState other) {
        return anchorSha256.equals(other.anchorSha256) && Arrays.equals(rootBytes, other.rootBytes)
                && timestampVersion == other.timestampVersion && snapshotVersion == other.snapshotVersion
                && targetsVersion == other.targetsVersion;
    }

    void save(Optional<Path> stateDir) {
        if (stateDir.isEmpty()) {
            return;
        }
        try {
            Files.createDirectories(stateDir.get());
            Path root = stateDir.get().resolve(ROOT);
            // the root changes only on rotation: a save for new versions alone does not rewrite (fsync) it
            if (!Files.exists(root) || !Arrays.equals(Files.readAllBytes(root), rootBytes)) {
                AtomicFiles.write(root, rootBytes);
            }
            ObjectNode v = TufJson.object();
            v.put("anchor", anchorSha256);
            v.put("timestamp", timestampVersion);
            v.put("snapshot", snapshotVersion);
            v.put("targets", targetsVersion);
            AtomicFiles.write(stateDir.get().resolve(VERSIONS), TufJson.pretty(v));
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, stateDir.get() + ": cannot save the client state (" + e.getMessage() + ")", e);
        }
    }
}
