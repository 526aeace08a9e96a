package com.nextpanel.addons.catalog.client;

import com.nextpanel.addons.catalog.CatalogException;
import com.nextpanel.addons.catalog.ErrorCode;
import com.nextpanel.addons.catalog.tuf.Hashes;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Downloads a target into a content-addressed cache ({@code <cacheDir>/<sha256>.zip}), reading at most its signed
 * length and accepting it only when length and SHA-256 match what targets signs for that very name.
 */
final class TargetFetcher {

    private final CatalogSource source;
    private final boolean consistentSnapshot;

    /** @param consistentSnapshot whether the repository serves targets as {@code dir/<sha256>.<name>} */
    TargetFetcher(CatalogSource source, boolean consistentSnapshot) {
        this.source = source;
        this.consistentSnapshot = consistentSnapshot;
    }

    private String remotePath(CatalogTarget target) {
        if (!consistentSnapshot) {
            return target.path();
        }
        int slash = target.path().lastIndexOf('/');
        return target.path().substring(0, slash + 1) + target.sha256() + "." + target.path().substring(slash + 1);
    }

    Path fetch(CatalogTarget target, Path cacheDir, VerifiedCatalog catalog) {
        Path cached = cacheDir.resolve(target.sha256() + ".zip");
        try {
            Files.createDirectories(cacheDir);
            if (Files.isRegularFile(cached)) {
                try (InputStream in = Files.newInputStream(cached)) {
                    if (matches(target, digest(in, target.length()))) {
                        return cached;
                    }
                }
                // a cache entry that no longer matches is simply fetched again
                Files.deleteIfExists(cached);
            }
            InputStream in = source.open(remotePath(target)).orElseThrow(() -> new CatalogException(ErrorCode.NOT_FOUND,
                    source.locate(remotePath(target)) + ": missing"));
            Path tmp = Files.createTempFile(cacheDir, ".download-", ".part");
            try {
                Digest d;
                try (in; OutputStream out = Files.newOutputStream(tmp)) {
                    d = copy(in, out, target.length());
                }
                check(target, d, catalog);
                Files.move(tmp, cached, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            return cached;
        } catch (IOException e) {
            throw new CatalogException(ErrorCode.IO, source.locate(remotePath(target)) + ": cannot download ("
                    + e.getMessage() + ")", e);
        }
    }

    private void check(CatalogTarget target, Digest d, VerifiedCatalog catalog) {
        String where = source.locate(remotePath(target));
        if (d.length() > target.length()) {
            throw new CatalogException(ErrorCode.TOO_LARGE, where + ": longer than the " + target.length()
                    + " bytes targets.json signs, download cut");
        }
        if (d.length() != target.length()) {
            throw new CatalogException(ErrorCode.LENGTH_MISMATCH, where + ": is " + d.length()
                    + " bytes, targets.json signs " + target.length());
        }
        if (!d.sha256().equalsIgnoreCase(target.sha256())) {
            Optional<String> other = catalog.targets().stream()
                    .filter(t -> t.sha256().equalsIgnoreCase(d.sha256()) && !t.path().equals(target.path()))
                    .map(CatalogTarget::path).findFirst();
            throw new CatalogException(ErrorCode.HASH_MISMATCH, where + ": sha256 differs from targets.json"
                    + other.map(p -> " (the bytes are those of " + p + ")").orElse(""));
        }
    }

    private static boolean matches(CatalogTarget target, Digest d) {
        return d.length() == target.length() && d.sha256().equalsIgnoreCase(target.sha256());
    }

    record Digest(long length, String sha256) {
    }

    /** Hashes at most {@code length + 1} bytes: enough to tell "too long" without reading endless data. */
    private static Digest digest(InputStream in, long length) throws IOException {
        return copy(in, OutputStream.nullOutputStream(), length);
    }

    private static Digest copy(InputStream in, OutputStream out, long length) throws IOException {
        MessageDigest md = Hashes.digest("sha256").orElseThrow();
        byte[] buf = new byte[64 * 1024];
        long total = 0;
        long limit = length + 1;
        for (int n; total < limit && (n = in.read(buf, 0, (int) Math.min(buf.length, limit - total))) > 0; ) {
            md.update(buf, 0, n);
            out.write(buf, 0, n);
            total += n;
        }
        return new Digest(total, HexFormat.of().formatHex(md.digest()));
    }
}
