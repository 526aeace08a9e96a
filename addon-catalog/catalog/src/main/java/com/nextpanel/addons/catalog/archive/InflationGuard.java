package com.nextpanel.addons.catalog.archive;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Counts the bytes actually inflated, per entry and for the whole package, and stops as soon as a limit
 * is crossed; headers that lie about sizes change nothing.
 */
final class InflationGuard {

    private final Path zip;
    private final long archiveLength;
    private final PackageLimits limits;
    private long total;

    InflationGuard(Path zip, long archiveLength, PackageLimits limits) {
        this.zip = zip;
        this.archiveLength = archiveLength;
        this.limits = limits;
    }

    /** @return the entry's stream, counted */
    InputStream guard(InputStream in, CentralDirectory.Entry entry) {
        return new Counted(in, entry);
    }

    private void count(CentralDirectory.Entry entry, long entryBytes, int n) {
        total += n;
        if (total > limits.maxTotalBytes()) {
            throw new CatalogException(ErrorCode.TOO_LARGE, zip + ": inflates to more than "
                    + limits.maxTotalBytes() + " bytes (stopped in " + entry.name() + ")");
        }
        if (entryBytes > limits.ratioGraceBytes() && entryBytes > limits.maxRatio() * Math.max(entry.compressedSize(), 1)) {
            throw new CatalogException(ErrorCode.TOO_LARGE, zip + ": entry " + entry.name()
                    + " inflates more than " + limits.maxRatio() + ":1 (a zip bomb?)");
        }
        // The whole-package ratio uses the real file length, which no header can fake.
        if (total > limits.ratioGraceBytes() && total > limits.maxRatio() * Math.max(archiveLength, 1)) {
            throw new CatalogException(ErrorCode.TOO_LARGE, zip + ": inflates more than " + limits.maxRatio()
                    + ":1 overall (stopped in " + entry.name() + ")");
        }
    }

    private final class Counted extends FilterInputStream {
        private final CentralDirectory.Entry entry;
        private long entryBytes;

        Counted(InputStream in, CentralDirectory.Entry entry) {
            super(in);
            this.entry = entry;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                entryBytes++;
                count(entry, entryBytes, 1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                entryBytes += n;
                count(entry, entryBytes, n);
            }
            return n;
        }

        @Override
        public long skip(long n) throws IOException {
            // Skipping must inflate too, so it is counted like reading.
            byte[] buffer = new byte[8192];
            long skipped = 0;
            while (skipped < n) {
                int r = read(buffer, 0, (int) Math.min(buffer.length, n - skipped));
                if (r < 0) {
                    break;
                }
                skipped += r;
            }
            return skipped;
        }
    }
}
