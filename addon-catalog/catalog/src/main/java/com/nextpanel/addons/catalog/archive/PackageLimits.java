package com.nextpanel.addons.catalog.archive;

/**
 * Caps applied while a package is read. Sizes are counted from the bytes actually inflated, never from
 * the zip's headers.
 *
 * @param maxEntries      most entries a package may hold
 * @param maxTotalBytes   most bytes all entries may inflate to together
 * @param maxRatio        most inflated bytes per compressed byte, for one entry (against its compressed
 *                        size) and for the whole package (against the zip file's length)
 * @param ratioGraceBytes the ratio is checked only once an entry (or the whole) has inflated beyond this,
 *                        so that small, very regular files (an empty table script) are not taken for bombs
 */
public record PackageLimits(int maxEntries, long maxTotalBytes, int maxRatio, long ratioGraceBytes) {

    /** 10,000 entries, 256 MiB inflated, 100:1, checked beyond 1 MiB. */
    public static final PackageLimits DEFAULT = new PackageLimits(10_000, 256L * 1024 * 1024, 100, 1024 * 1024);

    public PackageLimits {
        if (maxEntries < 1 || maxTotalBytes < 1 || maxRatio < 1 || ratioGraceBytes < 0) {
            throw new IllegalArgumentException("package limits must be positive");
        }
    }
}
