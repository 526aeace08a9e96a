package com.nextpanel.addons.agent.registry;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Writes {@code DIR/addon_registry.json}, a readable export of the registry (the database stays the truth):
 * {@code {"addons":[{"id","version","state","installedAt"}]}}. Atomically: a temporary file beside it, fsync,
 * rename over it, fsync of the directory; a reader sees the old file or the new one, never half of one.
 */
public final class RegistryExport implements Runnable {

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final InstalledAddons registry;
    private final Path file;

    public RegistryExport(InstalledAddons registry, Path file) {
        this.registry = registry;
        this.file = file;
    }

    @Override
    public synchronized void run() {
        ObjectNode root = JSON.createObjectNode();
        ArrayNode addons = root.putArray("addons");
        for (InstalledAddon a : registry.list()) {
            addons.addObject().put("id", a.id()).put("version", a.version()).put("state", a.state().name())
                    .put("installedAt", a.installedAt().toString());
        }
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ch.write(java.nio.ByteBuffer.wrap(JSON.writeValueAsBytes(root)));
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
                dir.force(true);
            } catch (IOException ignored) {
                // not every platform can fsync a directory; the rename itself is atomic
            }
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
