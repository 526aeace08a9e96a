package com.nextpanel.addons.catalog.client;

/**
 * Byte caps for metadata downloads (endless-data protection). Root and timestamp caps are fixed as the
 * specification suggests; snapshot and targets caps are configurable up to {@link #MAX_CONFIGURABLE}.
 * Snapshot and targets are capped tighter still by the length the referring role signs, when it gives one.
 */
public record FetchLimits(long snapshotMaxBytes, long targetsMaxBytes) {

    public static final long ROOT_MAX_BYTES = 512 * 1024;
    public static final long TIMESTAMP_MAX_BYTES = 16 * 1024;
    public static final long MAX_CONFIGURABLE = 256L * 1024 * 1024;
    /** The limit on root rotations walked in one refresh. */
    public static final int MAX_ROOT_ROTATIONS = 256;

    public FetchLimits {
        if (snapshotMaxBytes < 1 || snapshotMaxBytes > MAX_CONFIGURABLE || targetsMaxBytes < 1
                || targetsMaxBytes > MAX_CONFIGURABLE) {
            throw new IllegalArgumentException("byte caps must lie between 1 and " + MAX_CONFIGURABLE);
        }
    }

    /** 2 MiB for snapshot, 32 MiB for targets (room for thousands of packages with their summaries). */
    public static FetchLimits defaults() {
        return new FetchLimits(2L * 1024 * 1024, 32L * 1024 * 1024);
    }
}
