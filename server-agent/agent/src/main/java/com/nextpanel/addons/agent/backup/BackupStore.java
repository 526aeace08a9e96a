package com.nextpanel.addons.agent.backup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The backups in {@code DIR/backups/<backupId>/}, each with a {@code manifest.json} listing every file and its
 * SHA-256, written last: a folder without a manifest is an unfinished backup and is not listed. Folders whose
 * names start with {@code pre-} are the engine's own safety copies (before an update or a restore), not listed.
 */
public final class BackupStore {

    public static final String MANIFEST = "manifest.json";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final Path dir;

    public BackupStore(Path backupsDir) {
        this.dir = backupsDir;
    }

    public Path folder(String backupId) {
        if (!ID.matcher(backupId).matches()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "not a backup id: '" + backupId + "'");
        }
        return dir.resolve(backupId);
    }

    /** @return every finished backup, newest first */
    public List<BackupView> list() {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(dir)) {
            return folders.filter(f -> !f.getFileName().toString().startsWith("pre-"))
                    .filter(f -> Files.isRegularFile(f.resolve(MANIFEST)))
                    .map(f -> read(f.getFileName().toString()))
                    .sorted(Comparator.comparing(BackupView::createdAt).reversed()).toList();
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot list " + dir + ": " + e.getMessage(), e);
        }
    }

    public Optional<BackupView> find(String backupId) {
        Path f = folder(backupId);
        return Files.isRegularFile(f.resolve(MANIFEST)) ? Optional.of(read(backupId)) : Optional.empty();
    }

    /**
     * Checks every file against the manifest.
     *
     * @throws AgentException {@code NOT_FOUND} for an unknown backup; {@code CONFLICT} naming the first file whose
     *         size or SHA-256 differs, or that is missing, or that the manifest does not list
     */
    public BackupView verify(String backupId) {
        BackupView view = find(backupId).orElseThrow(() -> new AgentException(ErrorCode.NOT_FOUND,
                "no backup " + backupId));
        Path folder = folder(backupId);
        List<String> listed = new ArrayList<>();
        for (BackupView.BackupFile f : view.files()) {
            Path file = folder.resolve(f.path()).normalize();
            if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
                throw new AgentException(ErrorCode.CONFLICT, "backup " + backupId + ": " + f.path() + " is missing");
            }
            if (!sha256(file).equals(f.sha256())) {
                throw new AgentException(ErrorCode.CONFLICT, "backup " + backupId + ": " + f.path()
                        + " does not match its SHA-256 in the manifest; the backup was changed and is refused");
            }
            listed.add(f.path());
        }
        for (String present : files(folder)) {
            if (!present.equals(MANIFEST) && !listed.contains(present)) {
                throw new AgentException(ErrorCode.CONFLICT, "backup " + backupId + ": " + present
                        + " is not listed in the manifest; the backup was changed and is refused");
            }
        }
        return view;
    }

    /**
     * Seals a backup folder: lists every file with its SHA-256 in {@code manifest.json}, written last and fsync'd.
     */
    public BackupView seal(String backupId, String scope, String addonId, String addonVersion, String coreVersion,
                           String method, Instant createdAt) {
        Path folder = folder(backupId);
        List<BackupView.BackupFile> files = new ArrayList<>();
        long total = 0;
        for (String rel : files(folder)) {
            if (rel.equals(MANIFEST)) {
                continue;
            }
            Path file = folder.resolve(rel);
            try {
                long size = Files.size(file);
                files.add(new BackupView.BackupFile(rel, size, sha256(file)));
                total += size;
            } catch (IOException e) {
                throw new AgentException(ErrorCode.INTERNAL, "cannot read " + file + ": " + e.getMessage(), e);
            }
        }
        BackupView view = new BackupView(backupId, scope, addonId, addonVersion, coreVersion, method, createdAt,
                total, files);
        ObjectNode root = JSON.createObjectNode();
        root.put("backupId", backupId).put("scope", scope).put("addonId", addonId).put("addonVersion", addonVersion)
                .put("coreVersion", coreVersion).put("method", method).put("createdAt", createdAt.toString())
                .put("sizeBytes", total);
        ArrayNode list = root.putArray("files");
        files.forEach(f -> list.addObject().put("path", f.path()).put("size", f.size()).put("sha256", f.sha256()));
        Path manifest = folder.resolve(MANIFEST);
        try (FileChannel ch = FileChannel.open(manifest, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            ch.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(root)));
            ch.force(true);
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot write " + manifest + ": " + e.getMessage(), e);
        }
        return view;
    }

    private BackupView read(String backupId) {
        Path manifest = folder(backupId).resolve(MANIFEST);
        try {
            JsonNode n = JSON.readTree(manifest.toFile());
            List<BackupView.BackupFile> files = new ArrayList<>();
            n.path("files").forEach(f -> files.add(new BackupView.BackupFile(f.path("path").asText(),
                    f.path("size").asLong(), f.path("sha256").asText())));
            return new BackupView(n.path("backupId").asText(backupId), n.path("scope").asText(),
                    n.path("addonId").asText(), n.path("addonVersion").asText(), n.path("coreVersion").asText(),
                    n.path("method").asText(), Instant.parse(n.path("createdAt").asText()),
                    n.path("sizeBytes").asLong(), files);
        } catch (IOException | RuntimeException e) {
            throw new AgentException(ErrorCode.CONFLICT, "backup " + backupId + ": unreadable manifest ("
                    + e.getMessage() + ")", e);
        }
    }

    private static List<String> files(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(p -> folder.relativize(p).toString().replace('\\', '/'))
                    .sorted().toList();
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot read " + folder + ": " + e.getMessage(), e);
        }
    }

    static String sha256(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[64 * 1024];
            int n;
            while ((n = in.read(buf)) > 0) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException | NoSuchAlgorithmException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot hash " + file + ": " + e.getMessage(), e);
        }
    }
}
