package com.nextpanel.addons.catalog.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.manifest.ManifestSummary;
import com.nextpanel.addons.catalog.tuf.TargetFile;
import com.nextpanel.addons.catalog.tuf.TargetPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A TUF client for the addon catalog. {@link #refresh()} verifies the catalog's metadata from its source
 * against the trusted root (rotation, thresholds, expiry, rollback, caps) and returns the
 * {@link VerifiedCatalog}; {@link #fetchTarget} downloads one package and verifies it against it.
 *
 * <p>With a state directory the client remembers the newest root and the versions it accepted, so that a
 * later refresh never accepts older metadata. Thread-safe: refreshes run one at a time; fetches may run in parallel.
 */
public final class CatalogClient {

    private static final String PACKAGES = "packages/";

    private final CatalogSource source;
    private final byte[] trustedRoot;
    private final String trustedRootName;
    private final Optional<Path> stateDir;
    private final Clock clock;
    private final FetchLimits limits;
    private volatile VerifiedCatalog lastVerified;
    private volatile boolean consistentSnapshot;

    private CatalogClient(Builder b) {
        this.source = Objects.requireNonNull(b.source, "source");
        this.trustedRoot = Objects.requireNonNull(b.trustedRoot, "trusted root").clone();
        this.trustedRootName = b.trustedRootName;
        this.stateDir = Optional.ofNullable(b.stateDir);
        this.clock = b.clock;
        this.limits = b.limits;
    }

    /** @param dirOrUrl a catalog directory or an https URL */
    public static Builder builder(String dirOrUrl) {
        return new Builder(CatalogSource.of(dirOrUrl));
    }

    public static Builder builder(CatalogSource source) {
        return new Builder(source);
    }

    /**
     * Runs the TUF update workflow and returns the verified catalog. Each step that verifies is remembered in the
     * state directory (a newer root, newer versions), as the specification asks; a failed step is not.
     */
    public synchronized VerifiedCatalog refresh() {
        TrustState start = TrustState.load(stateDir, trustedRoot);
        // Persist only what adds to the trusted state: a refresh that learns nothing new (the usual case, once per
        // install plan) would otherwise fsync and rename two files three times over.
        TrustState[] saved = {start};
        MetadataUpdater updater = new MetadataUpdater(source, limits, clock.instant(), s -> {
            if (!s.sameAs(saved[0])) {
                s.save(stateDir);
                saved[0] = s;
            }
        });
        updater.anchorName(trustedRootName);
        MetadataUpdater.Trusted t = updater.update(start);
        List<CatalogTarget> targets = new ArrayList<>();
        String where = source.locate("targets.json");
        for (Map.Entry<String, TargetFile> e : t.targets().targets().entrySet()) {
            // other targets (none today) are not addon packages; they are left for other readers
            if (e.getKey().startsWith(PACKAGES)) {
                targets.add(toCatalogTarget(e.getKey(), e.getValue(), where));
            }
        }
        consistentSnapshot = t.root().consistentSnapshot();
        lastVerified = new VerifiedCatalog(targets,
                new RoleStatus(t.root().version(), t.root().expires(), t.rootSignedBy()),
                new RoleStatus(t.timestamp().version(), t.timestamp().expires(), t.timestampSignedBy()),
                new RoleStatus(t.snapshot().version(), t.snapshot().expires(), t.snapshotSignedBy()),
                new RoleStatus(t.targets().version(), t.targets().expires(), t.targetsSignedBy()));
        return lastVerified;
    }

    /** @return the catalog of the last successful {@link #refresh()} */
    public Optional<VerifiedCatalog> lastVerified() {
        return Optional.ofNullable(lastVerified);
    }

    /**
     * Downloads {@code target} (refreshing first when nothing was verified yet) into the content-addressed
     * {@code cacheDir} and returns the verified file.
     *
     * @throws CatalogException {@link ErrorCode#TARGET_UNKNOWN} when the verified catalog does not list exactly this
     *                          target; a length or hash error when the bytes are not the signed ones
     */
    public Path fetchTarget(CatalogTarget target, Path cacheDir) {
        VerifiedCatalog catalog = lastVerified != null ? lastVerified : refresh();
        if (!catalog.targets().contains(target)) {
            throw new CatalogException(ErrorCode.TARGET_UNKNOWN, target.path() + ": not in the verified catalog with length "
                    + target.length() + " and sha256 " + target.sha256());
        }
        return new TargetFetcher(source, consistentSnapshot).fetch(target, cacheDir, catalog);
    }

    private static CatalogTarget toCatalogTarget(String path, TargetFile file, String where) {
        if (!TargetPaths.isSafe(path)) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED, where + ": target name " + path + " is not a safe path");
        }
        String sha256 = file.sha256().orElseThrow(() -> new CatalogException(ErrorCode.METADATA_MALFORMED,
                where + ": " + path + " has no sha256 hash"));
        JsonNode custom = file.custom().orElseThrow(() -> new CatalogException(ErrorCode.METADATA_MALFORMED,
                where + ": " + path + " has no manifest summary under custom"));
        ManifestSummary summary = SummaryJson.fromCustom(custom, where + ": " + path);
        // the name is bound to the summary: packages/<id>-<version>.zip and nothing else
        if (!path.equals("packages/" + summary.id() + "-" + summary.version() + ".zip")) {
            throw new CatalogException(ErrorCode.METADATA_MALFORMED, where + ": " + path
                    + " does not match its summary's id and version (" + summary.coordinates() + ")");
        }
        return new CatalogTarget(path, file.length(), sha256.toLowerCase(java.util.Locale.ROOT), summary);
    }

    /** Configures a client; only the trusted root is required besides the source. */
    public static final class Builder {
        private final CatalogSource source;
        private byte[] trustedRoot;
        private String trustedRootName = "trusted root";
        private Path stateDir;
        private Clock clock = Clock.systemUTC();
        private FetchLimits limits = FetchLimits.defaults();

        private Builder(CatalogSource source) {
            this.source = source;
        }

        /** The trust anchor: a root.json obtained out of band (e.g. shipped with the installer). */
        public Builder trustedRoot(Path rootJson) {
            try {
                this.trustedRoot = Files.readAllBytes(rootJson);
                this.trustedRootName = rootJson.toString();
            } catch (IOException e) {
                throw new CatalogException(ErrorCode.NOT_FOUND, rootJson + ": cannot read the trusted root ("
                        + e.getMessage() + ")", e);
            }
            return this;
        }

        public Builder trustedRoot(byte[] rootJson) {
            this.trustedRoot = rootJson.clone();
            this.trustedRootName = "trusted root";
            return this;
        }

        /** Where the client persists the newest root and the versions it accepted; without it nothing persists. */
        public Builder stateDir(Path dir) {
            this.stateDir = dir;
            return this;
        }

        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock);
            return this;
        }

        public Builder limits(FetchLimits limits) {
            this.limits = Objects.requireNonNull(limits);
            return this;
        }

        public CatalogClient build() {
            return new CatalogClient(this);
        }
    }
}
