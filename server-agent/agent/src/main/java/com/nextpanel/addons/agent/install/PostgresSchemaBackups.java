package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Per-addon schema backups on PostgreSQL through {@code pg_dump --schema} (plain SQL, with owner and grants) and
 * {@code psql} to restore, as the agent's user. The tools are looked up on the {@code PATH}, then in
 * {@code /usr/lib/postgresql/<major>/bin}; without them an update with {@code backup=true} fails before it changes
 * anything, naming what is missing.
 */
public final class PostgresSchemaBackups implements SchemaBackups {

    static final String FILE = "schema.sql";

    private final DatabaseConfig config;

    public PostgresSchemaBackups(DatabaseConfig config) {
        this.config = config;
    }

    @Override
    public String dump(String id, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve(FILE).toAbsolutePath();
        List<String> cmd = new ArrayList<>(List.of(tool("pg_dump"), "--schema=addon_" + id, "--no-password",
                "--file=" + file));
        cmd.addAll(connection());
        run(cmd, "pg_dump of schema addon_" + id);
        DiskOps.fsync(file);
        return "pg_dump, " + Files.size(file) + " bytes";
    }

    @Override
    public String restore(String id, Path dir) throws IOException, InterruptedException {
        Path file = dir.resolve(FILE).toAbsolutePath();
        Path script = Files.createTempFile("restore-addon_" + id, ".sql"); // never inside the sealed backup folder
        // one transaction: drop the schema as it is now, then recreate it from the dump
        Files.writeString(script, "DROP SCHEMA IF EXISTS addon_" + id + " CASCADE;\n\\i " + file + "\n");
        List<String> cmd = new ArrayList<>(List.of(tool("psql"), "--no-password", "--quiet", "--single-transaction",
                "-v", "ON_ERROR_STOP=1", "--file=" + script));
        cmd.addAll(connection());
        try {
            run(cmd, "restore of schema addon_" + id);
        } finally {
            Files.deleteIfExists(script);
        }
        return "psql from pg_dump";
    }

    private List<String> connection() {
        URI uri = URI.create(config.jdbcUrl().substring("jdbc:".length()));
        String database = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
        return List.of("--host=" + (uri.getHost() == null ? "localhost" : uri.getHost()),
                "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()), "--username=" + config.user(),
                "--dbname=" + database);
    }

    private void run(List<String> cmd, String what) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (!config.password().isEmpty()) {
            pb.environment().put("PGPASSWORD", config.password());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AgentException(ErrorCode.INTERNAL, what + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new AgentException(ErrorCode.INTERNAL, what + " failed (exit " + p.exitValue() + "): " + out.trim());
        }
    }

    static String tool(String name) {
        Optional<String> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, name)).filter(Files::isExecutable).map(Path::toString).findFirst();
        if (onPath.isPresent()) {
            return onPath.get();
        }
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                Optional<String> found = versions.sorted(java.util.Comparator.reverseOrder())
                        .map(v -> v.resolve("bin").resolve(name)).filter(Files::isExecutable).map(Path::toString)
                        .findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
            } catch (IOException ignored) {
                // fall through to the error below
            }
        }
        throw new AgentException(ErrorCode.INTERNAL, name + " is not installed (needed for a PostgreSQL backup);"
                + " install the PostgreSQL client tools or update with \"backup\": false");
    }
}
