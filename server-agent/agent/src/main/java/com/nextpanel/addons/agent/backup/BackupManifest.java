package com.nextpanel.addons.agent.backup;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The {@code manifest.json} of a backup: what it holds, how the database was dumped, and every file with its
 * SHA-256 and size (paths relative to the backup directory, {@code /}-separated).
 *
 * @param scope {@code full} or {@code addon}
 * @param id the addon of an {@code addon} backup, else the empty string
 * @param createdAt ISO-8601 instant
 * @param method how the database was dumped, e.g. {@code H2 SCRIPT} or {@code pg_dump (plain SQL)}
 * @param versions {@code agent}, {@code core} and one entry per captured addon ({@code addon:<id>})
 * @param addons the registry rows captured (id, version, state)
 * @param roles for PostgreSQL, the owner role of each captured addon schema (recreated on restore if missing)
 * @param files every file of the backup but the manifest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(String backupId, String scope, String id, String createdAt, String method,
                             Map<String, String> versions, List<CapturedAddon> addons, Map<String, String> roles,
                             List<FileEntry> files) {

    static final String FILE = "manifest.json";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public BackupManifest {
        Objects.requireNonNull(backupId, "backupId");
        Objects.requireNonNull(scope, "scope");
        id = id == null ? "" : id;
        versions = versions == null ? Map.of() : Map.copyOf(versions);
        addons = addons == null ? List.of() : List.copyOf(addons);
        roles = roles == null ? Map.of() : Map.copyOf(roles);
        files = files == null ? List.of() : List.copyOf(files);
    }

    /** One registry row at backup time. */
    public record CapturedAddon(String id, String version, String state, long installedAt, String manifest) {
    }

    /** One file of the backup. */
    public record FileEntry(String path, String sha256, long size) {
    }

    public boolean full() {
        return "full".equals(scope);
    }

    public long sizeBytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE).toFile(), this);
    }

    static BackupManifest read(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(FILE).toFile(), BackupManifest.class);
    }
}
