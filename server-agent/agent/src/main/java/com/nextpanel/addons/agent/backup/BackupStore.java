package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The one store of backups, {@code DIR/backups}: one directory per backup of any scope ({@code full}, {@code addon},
 * {@code pre-update}), each with its {@link BackupManifest} listing every file and its SHA-256. A backup is written
 * into a hidden {@code .tmp-<backupId>} directory and renamed into place when complete, so a half-written backup
 * never appears in the list. Hidden directories ({@code .tmp-}, {@code .safety-}) are never listed.
 */
public final class BackupStore {

    static final Pattern BACKUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path root;

    public BackupStore(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path dir(String backupId) {
        if (!BACKUP_ID.matcher(backupId).matches()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "not a backup id: '" + backupId + "'");
        }
        return root.resolve(backupId);
    }

    Path temp(String backupId) {
        return root.resolve(".tmp-" + backupId);
    }

    /** @return every complete backup, newest first */
    public List<BackupManifest> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        List<BackupManifest> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path d : dirs.filter(Files::isDirectory).toList()) {
                if (d.getFileName().toString().startsWith(".") || !Files.exists(d.resolve(BackupManifest.FILE))) {
                    continue;
                }
                try {
                    out.add(BackupManifest.read(d));
                } catch (IOException e) {
                    // an unreadable manifest is not a backup we can list or restore
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        out.sort(Comparator.comparing(BackupManifest::createdAt).thenComparing(BackupManifest::backupId).reversed());
        return out;
    }

    public Optional<BackupManifest> find(String backupId) {
        Path d = dir(backupId);
        if (!Files.exists(d.resolve(BackupManifest.FILE))) {
            return Optional.empty();
        }
        try {
            return Optional.of(BackupManifest.read(d));
        } catch (IOException e) {
            throw new AgentException(ErrorCode.CONFLICT, "backup " + backupId + " has an unreadable manifest: "
                    + e.getMessage(), e);
        }
    }

    /** @throws AgentException {@code NOT_FOUND} when there is no such backup */
    public void delete(String backupId) {
        Path d = dir(backupId);
        if (!Files.exists(d.resolve(BackupManifest.FILE))) {
            throw new AgentException(ErrorCode.NOT_FOUND, "no backup " + backupId);
        }
        deleteTree(d);
    }

    /**
     * Keeps the newest backups of each scope and addon ({@code full}; {@code addon} and {@code pre-update} per addon),
     * as many as {@code settings} says for the scope, and deletes the rest.
     *
     * @return the deleted backup ids
     */
    List<String> applyRetention(BackupSettings settings) {
        List<String> deleted = new ArrayList<>();
        java.util.Map<String, Integer> seen = new java.util.HashMap<>();
        for (BackupManifest m : list()) {
            int n = seen.merge(m.scope() + ":" + m.id(), 1, Integer::sum);
            if (n > settings.keep(m.scope())) {
                deleteTree(root.resolve(m.backupId()));
                deleted.add(m.backupId());
            }
        }
        return deleted;
    }

    /**
     * Checks every file of the backup against its manifest.
     *
     * @throws AgentException {@code CONFLICT} naming the first file that is missing or whose size or SHA-256 differs
     */
    public BackupManifest verify(String backupId) {
        BackupManifest m = find(backupId).orElseThrow(() -> new AgentException(ErrorCode.NOT_FOUND,
                "no backup " + backupId));
        Path d = dir(backupId);
        for (BackupManifest.FileEntry f : m.files()) {
            Path p = d.resolve(f.path()).normalize();
            if (!p.startsWith(d) || !Files.isRegularFile(p)) {
                throw new AgentException(ErrorCode.CONFLICT, "backup " + backupId + " is damaged: file " + f.path()
                        + " is missing; nothing was restored");
            }
            String sha = sha256(p);
            if (!sha.equals(f.sha256())) {
                throw new AgentException(ErrorCode.CONFLICT, "backup " + backupId + " is damaged: file " + f.path()
                        + " has SHA-256 " + sha + ", the manifest says " + f.sha256() + "; nothing was restored");
            }
        }
        List<String> listed = m.files().stream().map(BackupManifest.FileEntry::path).toList();
        try {
            for (BackupManifest.FileEntry present : checksumsOf(d, false)) {
                if (!listed.contains(present.path())) {
                    throw new AgentException(ErrorCode.CONFLICT, "backup " + backupId + " is damaged: file "
                            + present.path() + " is not in the manifest; nothing was restored");
                }
            }
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot read backup " + backupId + ": " + e.getMessage(), e);
        }
        return m;
    }

    /** Lists every file under {@code dir} (relative, {@code /}-separated, sorted) with its SHA-256 and size. */
    static List<BackupManifest.FileEntry> checksums(Path dir) throws IOException {
        return checksumsOf(dir, true);
    }

    private static List<BackupManifest.FileEntry> checksumsOf(Path dir, boolean hash) throws IOException {
        List<BackupManifest.FileEntry> out = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).sorted().toList()) {
                String rel = dir.relativize(p).toString().replace(java.io.File.separatorChar, '/');
                if (!rel.equals(BackupManifest.FILE)) {
                    out.add(new BackupManifest.FileEntry(rel, hash ? sha256(p) : "", Files.size(p)));
                }
            }
        }
        return out;
    }

    public static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies a directory tree (a missing source copies nothing). */
    public static void copyTree(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        Files.walkFileTree(from, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                Files.createDirectories(to.resolve(from.relativize(dir).toString()));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.copy(file, to.resolve(from.relativize(file).toString()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.COPY_ATTRIBUTES);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    static long treeSize(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            long total = 0;
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
            return total;
        }
    }

    public static void deleteTree(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Flushes every file of the tree to disk before the rename that publishes it. */
    static void fsyncTree(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                try (FileChannel ch = FileChannel.open(p, StandardOpenOption.WRITE)) {
                    ch.force(true);
                }
            }
        }
    }

    /** Renames {@code from} to {@code to} atomically (same directory, same file system). */
    static void publish(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }
}
