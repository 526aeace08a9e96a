package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The PostgreSQL client tools ({@code pg_dump}, {@code psql}) a backup may use: only of the server's major version
 * (an older {@code pg_dump} refuses a newer server, a newer one writes settings an older server rejects). Found
 * through the system property {@value #PG_DUMP_PROPERTY} (the path of {@code pg_dump}; {@code psql} beside it), else
 * on the {@code PATH}, else in {@code /usr/lib/postgresql/<major>/bin}. Without them backups go through JDBC
 * {@code COPY} ({@link PgCopy}).
 */
public final class PgTools {

    /** Where {@code pg_dump} is; a missing path forces the JDBC {@code COPY} fallback (tests do that). */
    public static final String PG_DUMP_PROPERTY = "nextpanel.backup.pgDump";
    private static final Pattern VERSION = Pattern.compile("\\(PostgreSQL\\) (\\d+)");

    private PgTools() {
    }

    /** @return {@code tool} ({@code pg_dump} or {@code psql}) of the server's major version, when installed */
    public static Optional<String> usable(String tool, Connection c) throws SQLException {
        int server = serverMajor(c);
        return candidates(tool).stream().filter(p -> major(p) == server).findFirst();
    }

    static int serverMajor(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW server_version_num")) {
            rs.next();
            return Integer.parseInt(rs.getString(1).trim()) / 10000;
        }
    }

    private static List<String> candidates(String tool) {
        String configured = System.getProperty(PG_DUMP_PROPERTY, "");
        if (!configured.isBlank()) {
            Path p = Path.of(configured);
            Path t = tool.equals("pg_dump") ? p : p.resolveSibling(tool);
            return Files.isExecutable(t) ? List.of(t.toString()) : List.of();
        }
        List<String> out = new ArrayList<>();
        Stream.of(System.getenv().getOrDefault("PATH", "").split(java.io.File.pathSeparator))
                .map(d -> Path.of(d, tool)).filter(Files::isExecutable).map(Path::toString).forEach(out::add);
        Path lib = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> versions = Files.list(lib)) {
                versions.sorted(Comparator.reverseOrder()).map(v -> v.resolve("bin").resolve(tool))
                        .filter(Files::isExecutable).map(Path::toString).forEach(out::add);
            } catch (IOException ignored) {
                // no tools there
            }
        }
        return out;
    }

    private static int major(String tool) {
        try {
            Process p = new ProcessBuilder(tool, "--version").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            p.waitFor(30, TimeUnit.SECONDS);
            Matcher m = VERSION.matcher(out);
            return m.find() ? Integer.parseInt(m.group(1)) : -1;
        } catch (IOException e) {
            return -1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Runs a client tool against the database of {@code config}, with its credentials. */
    public static void run(List<String> command, DatabaseConfig config, String what)
            throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(command);
        URI uri = URI.create(config.jdbcUrl().substring("jdbc:".length()));
        String database = uri.getPath().startsWith("/") ? uri.getPath().substring(1) : uri.getPath();
        cmd.addAll(List.of("--host=" + (uri.getHost() == null ? "localhost" : uri.getHost()),
                "--port=" + (uri.getPort() < 0 ? 5432 : uri.getPort()), "--username=" + config.user(),
                "--dbname=" + database));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        if (!config.password().isEmpty()) {
            pb.environment().put("PGPASSWORD", config.password());
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AgentException(ErrorCode.INTERNAL, what + " timed out");
        }
        if (p.exitValue() != 0) {
            throw new AgentException(ErrorCode.INTERNAL, what + " failed (exit " + p.exitValue() + "): " + out.trim());
        }
    }
}
