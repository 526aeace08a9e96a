package com.nextpanel.addons.catalog.client;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Downloads read chunk by chunk and cut as soon as they pass their cap. */
final class BoundedReads {

    private BoundedReads() {
    }

    /** Reads {@code path} whole, at most {@code cap} bytes; empty when the source has no such file. */
    static Optional<byte[]> read(CatalogSource source, String path, long cap) {
        try {
            Optional<InputStream> opened = source.open(path);
            if (opened.isEmpty()) {
                return Optional.empty();
            }
            try (InputStream in = opened.get()) {
                ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(cap, 64 * 1024));
                byte[] chunk = new byte[16 * 1024];
                long total = 0;
                for (int n; (n = in.read(chunk, 0, (int) Math.min(chunk.length, cap - total + 1))) > 0; ) {
                    total += n;
                    if (total > cap) {
                        throw new CatalogException(ErrorCode.TOO_LARGE,
                                source.locate(path) + ": larger than its cap of " + cap + " bytes, download cut");
                    }
                    out.write(chunk, 0, n);
                }
                return Optional.of(out.toByteArray());
            }
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, source.locate(path) + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    static byte[] require(CatalogSource source, String path, long cap) {
        return read(source, path, cap).orElseThrow(
                () -> new CatalogException(ErrorCode.NOT_FOUND, source.locate(path) + ": missing"));
    }
}
