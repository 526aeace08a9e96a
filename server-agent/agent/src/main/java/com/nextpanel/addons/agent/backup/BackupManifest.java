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
 * @param scope {@code full}, {@code addon} (one addon, on request) or {@code pre-update} (one addon, taken by an update
 *              before it changes anything)
 * @param id the addon of an {@code addon} or {@code pre-update} backup, else the empty string
 * @param createdAt ISO-8601 instant
 * @param method how the database was dumped: {@code h2-script}, {@code pg_dump} or {@code jdbc-copy}
 * @param versions {@code agent}, {@code core} and one entry per captured addon ({@code addon:<id>})
 * @param addons the registry rows captured (id, version, state)
 * @param roles for PostgreSQL, the owner role of each captured addon schema (recreated on restore if missing)
 * @param files every file of the backup but the manifest
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BackupManifest(String backupId, String scope, String id, String createdAt, String method,
                             Map<String, String> versions, List<CapturedAddon> addons, Map<String, String> roles,
                             List<FileEntry> files) {

    public static final String FILE = "manifest.json";
    public static final String FULL = "full";
    public static final String ADDON = "addon";
    public static final String PRE_UPDATE = "pre-update";
    public static final List<String> SCOPES = List.of(FULL, ADDON, PRE_UPDATE);
    /** Database dump methods. */
    public static final String H2_SCRIPT = "h2-script";
    public static final String PG_DUMP = "pg_dump";
    public static final String JDBC_COPY = "jdbc-copy";
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
        return FULL.equals(scope);
    }

    public long sizeBytes() {
        return files.stream().mapToLong(FileEntry::size).sum();
    }

    void write(Path dir) throws IOException {
        JSON.writeValue(dir.resolve(FILE).toFile(), this);
    }

    public static BackupManifest read(Path dir) throws IOException {
        return JSON.readValue(dir.resolve(FILE).toFile(), BackupManifest.class);
    }
}
