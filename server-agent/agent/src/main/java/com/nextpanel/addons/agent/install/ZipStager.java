package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Safe extraction of a package: only {@code addon.json}, {@code lib/*.jar} and {@code migrations/*.sql}; no
 * absolute names, backslashes, {@code ..}, duplicates or links; entry count, total bytes and ratio capped while
 * inflating. Extracts into a sibling temporary directory, fsyncs, then renames it into place, so the staging
 * directory either exists complete or not at all. (Interim, until the catalog's archive reader is merged; the
 * engine only depends on {@link PackageStager}.)
 */
public final class ZipStager implements PackageStager {

    private static final int MAX_ENTRIES = 512;
    private static final long MAX_BYTES = 256L * 1024 * 1024;
    private static final long MAX_RATIO = 200;

    @Override
    public AddonManifest stage(Path zip, Path target) {
        Path tmp = target.resolveSibling("." + target.getFileName() + ".staging");
        try {
            deleteTree(tmp);
            Files.createDirectories(tmp);
            extract(zip, tmp);
            Path manifestFile = tmp.resolve("addon.json");
            if (!Files.isRegularFile(manifestFile)) {
                throw new AgentException(ErrorCode.BAD_REQUEST, zip.getFileName() + ": no addon.json");
            }
            AddonManifest manifest = AddonManifest.parse(Files.readString(manifestFile, StandardCharsets.UTF_8),
                    zip.getFileName() + "!addon.json");
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            fsync(target.getParent());
            return manifest;
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot stage " + zip.getFileName() + " into " + target
                    + ": " + e.getMessage(), e);
        } finally {
            try {
                deleteTree(tmp);
            } catch (IOException ignored) {
                // left for the next staging of this version, which deletes it first
            }
        }
    }

    private static void extract(Path zip, Path dir) throws IOException {
        long compressed = Math.max(1, Files.size(zip));
        Set<String> seen = new HashSet<>();
        long total = 0;
        int count = 0;
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                String name = e.getName();
                if (++count > MAX_ENTRIES) {
                    throw bad(zip, name, "more than " + MAX_ENTRIES + " entries");
                }
                if (e.isDirectory()) {
                    continue;
                }
                checkName(zip, name);
                if (!seen.add(name)) {
                    throw bad(zip, name, "duplicate entry");
                }
                Path out = dir.resolve(name).normalize();
                if (!out.startsWith(dir)) {
                    throw bad(zip, name, "escapes the package directory");
                }
                Files.createDirectories(out.getParent());
                try (OutputStream os = Files.newOutputStream(out, StandardOpenOption.CREATE_NEW)) {
                    byte[] buf = new byte[64 * 1024];
                    int n;
                    while ((n = in.read(buf)) > 0) {
                        total += n;
                        if (total > MAX_BYTES || total / compressed > MAX_RATIO) {
                            throw bad(zip, name, "inflates beyond the size limits (a zip bomb?)");
                        }
                        os.write(buf, 0, n);
                    }
                }
                fsync(out);
            }
        }
    }

    private static void checkName(Path zip, String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || name.contains(":")
                || Stream.of(name.split("/")).anyMatch(s -> s.equals("..") || s.equals(".") || s.isEmpty())) {
            throw bad(zip, name, "unsafe path");
        }
        boolean allowed = name.equals("addon.json")
                || (name.startsWith("lib/") && name.endsWith(".jar") && name.indexOf('/', 4) < 0)
                || (name.startsWith("migrations/") && name.endsWith(".sql") && name.indexOf('/', 11) < 0);
        if (!allowed) {
            throw bad(zip, name, "not part of an addon package (addon.json, lib/*.jar, migrations/*.sql)");
        }
    }

    private static AgentException bad(Path zip, String name, String why) {
        return new AgentException(ErrorCode.BAD_REQUEST, zip.getFileName() + ": entry '" + name + "': " + why);
    }

    static void fsync(Path path) {
        try (FileChannel ch = FileChannel.open(path, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            // directories cannot be opened for fsync on every platform; the rename is still atomic
        }
    }

    /** Deletes a directory tree; no-op when it does not exist. */
    public static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
