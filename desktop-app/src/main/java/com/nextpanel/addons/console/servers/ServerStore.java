package com.nextpanel.addons.console.servers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.client.AgentJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Server profiles in {@code CONFIG/servers.json}; each token in {@code CONFIG/tokens/<slug>.token},
 * created with mode 600 (owner read/write only) before a byte is written, in a directory of mode 700.
 * Files are replaced atomically, so a crash never leaves half a profile list.
 */
public final class ServerStore {

    private static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");

    private final Path dir;
    private final ObjectMapper mapper = AgentJson.newMapper();

    public ServerStore(Path configDir) {
        this.dir = configDir;
    }

    public Path configDir() {
        return dir;
    }

    record Stored(List<ServerProfile> servers, Optional<String> lastUsed) {
        Stored {
            servers = servers == null ? List.of() : List.copyOf(servers);
            lastUsed = lastUsed == null ? Optional.empty() : lastUsed;
        }
    }

    public List<ServerProfile> load() {
        return read().servers();
    }

    public Optional<String> lastUsed() {
        return read().lastUsed();
    }

    public void save(List<ServerProfile> profiles, Optional<String> lastUsed) {
        try {
            ensureDir(dir);
            writeAtomically(dir.resolve("servers.json"),
                    mapper.writerWithDefaultPrettyPrinter().writeValueAsBytes(new Stored(new ArrayList<>(profiles), lastUsed)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save server profiles in " + dir, e);
        }
    }

    public Optional<String> token(ServerProfile profile) {
        Path f = tokenFile(profile);
        try {
            return Files.exists(f) ? Optional.of(Files.readString(f, StandardCharsets.UTF_8).trim()).filter(t -> !t.isEmpty())
                    : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read token file " + f, e);
        }
    }

    public void saveToken(ServerProfile profile, String token) {
        Path f = tokenFile(profile);
        try {
            ensureDir(f.getParent());
            writeAtomically(f, token.trim().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write token file " + f, e);
        }
    }

    public void deleteToken(ServerProfile profile) {
        try {
            Files.deleteIfExists(tokenFile(profile));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete token file " + tokenFile(profile), e);
        }
    }

    public Path tokenFile(ServerProfile profile) {
        return dir.resolve("tokens").resolve(profile.slug() + ".token");
    }

    private Stored read() {
        Path f = dir.resolve("servers.json");
        if (!Files.exists(f)) {
            return new Stored(List.of(), Optional.empty());
        }
        try {
            return mapper.readValue(f.toFile(), Stored.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read server profiles " + f + ": " + e.getMessage(), e);
        }
    }

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    private static void ensureDir(Path d) throws IOException {
        if (!Files.isDirectory(d)) {
            if (posix()) {
                Files.createDirectories(d, PosixFilePermissions.asFileAttribute(OWNER_DIR));
            } else {
                Files.createDirectories(d);
            }
        }
    }

    /** Writes a temp file created owner-only, then renames it over the target. */
    private static void writeAtomically(Path target, byte[] bytes) throws IOException {
        Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        if (posix()) {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        Files.write(tmp, bytes);
        try {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
