package com.nextpanel.addons.testsupport.postgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A throwaway PostgreSQL cluster: {@code initdb} into a temporary directory, {@code pg_ctl start} on a
 * free loopback port with {@code trust} authentication, {@code pg_ctl stop} and delete on {@link #close()}.
 *
 * <p>PostgreSQL refuses to run as root, so when this JVM runs as root the binaries run as the
 * {@code postgres} OS user (through {@code runuser}, else {@code su}) and the directory is handed to it.
 * The binaries are the newest under {@code /usr/lib/postgresql/*}{@code /bin}, or {@code $PG_BIN}.
 *
 * <p>Durability is switched off ({@code fsync=off}): the cluster only lives for one test run.
 */
public final class PostgresCluster implements AutoCloseable {

    public static final String SUPERUSER = "postgres";
    private static final String OS_USER = "postgres";
    private static final AtomicInteger DATABASE_COUNTER = new AtomicInteger();

    private final Path binDir;
    private final Path baseDir;
    private final Path dataDir;
    private final int port;
    private final boolean asPostgresUser;
    private final Thread shutdownHook;
    private volatile boolean stopped;

    private PostgresCluster(Path binDir, Path baseDir, int port, boolean asPostgresUser) {
        this.binDir = binDir;
        this.baseDir = baseDir;
        this.dataDir = baseDir.resolve("data");
        this.port = port;
        this.asPostgresUser = asPostgresUser;
        this.shutdownHook = new Thread(this::stopQuietly, "postgres-cluster-stop");
    }

    /**
     * Creates and starts a new cluster.
     *
     * @throws IllegalStateException when PostgreSQL is not installed or does not start; the message
     *                               carries the tail of the server log
     */
    public static PostgresCluster start() {
        Path bin = findBinDir().orElseThrow(() -> new IllegalStateException(
                "PostgreSQL not found: no initdb under /usr/lib/postgresql/*/bin and PG_BIN not set"
                        + " (install the 'postgresql' package)"));
        boolean root = "root".equals(System.getProperty("user.name"));
        IllegalStateException last = null;
        // A free port can be taken by someone else between probing and binding: try a few.
        for (int attempt = 0; attempt < 3; attempt++) {
            PostgresCluster cluster;
            try {
                Path base = Files.createTempDirectory("pg-test-");
                cluster = new PostgresCluster(bin, base, freePort(), root);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create the PostgreSQL temp dir", e);
            }
            try {
                cluster.initAndStart();
                Runtime.getRuntime().addShutdownHook(cluster.shutdownHook);
                return cluster;
            } catch (IllegalStateException e) {
                last = e;
                cluster.stopQuietly();
            }
        }
        throw last;
    }

    /** @return the loopback port the server listens on */
    public int port() {
        return port;
    }

    /** @return the superuser name; its password is empty (trust auth) */
    public String superuser() {
        return SUPERUSER;
    }

    /** @return a JDBC URL for {@code database} in this cluster */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** @return the always-present {@code postgres} maintenance database */
    public PostgresDatabase maintenanceDatabase() {
        return new PostgresDatabase("postgres", jdbcUrl("postgres"), SUPERUSER, "");
    }

    /**
     * Creates a fresh, empty database whose name starts with {@code prefix}.
     *
     * @param prefix a readable prefix (e.g. the test class name); sanitised to {@code [a-z0-9_]}
     */
    public PostgresDatabase createDatabase(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        if (clean.length() > 40) {
            clean = clean.substring(clean.length() - 40);
        }
        String name = "t_" + clean + "_" + DATABASE_COUNTER.incrementAndGet();
        executeInMaintenance("CREATE DATABASE \"" + name + "\"");
        return new PostgresDatabase(name, jdbcUrl(name), SUPERUSER, "");
    }

    /** Drops a database created by {@link #createDatabase}, closing its open connections first. */
    public void dropDatabase(PostgresDatabase database) {
        executeInMaintenance("DROP DATABASE IF EXISTS \"" + database.name() + "\" WITH (FORCE)");
    }

    private void executeInMaintenance(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test cluster: '" + sql + "' failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run: nothing to remove
        }
    }

    private void initAndStart() {
        if (asPostgresUser) {
            chownToPostgres(baseDir);
        }
        run("initdb", List.of(bin("initdb"), "-D", dataDir.toString(), "-U", SUPERUSER, "-A", "trust",
                "-E", "UTF8", "--no-locale", "--no-sync"));
        String options = String.join(" ",
                "-p", Integer.toString(port), "-h", "127.0.0.1", "-k", baseDir.toString(),
                "-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off",
                "-c", "max_connections=300");
        run("pg_ctl start", List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-l",
                baseDir.resolve("server.log").toString(), "-w", "-t", "60", "-o", options, "start"));
    }

    private void stopQuietly() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            if (Files.exists(dataDir.resolve("postmaster.pid"))) {
                run("pg_ctl stop", List.of(bin("pg_ctl"), "-D", dataDir.toString(), "-m", "immediate", "-w", "stop"));
            }
        } catch (RuntimeException e) {
            System.err.println("PostgreSQL test cluster: stop failed: " + e.getMessage());
        }
        deleteRecursively(baseDir);
    }

    private String bin(String name) {
        return binDir.resolve(name).toString();
    }

    private void run(String what, List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            if (Files.isExecutable(Path.of("/usr/sbin/runuser")) || Files.isExecutable(Path.of("/sbin/runuser"))) {
                full.addAll(List.of("runuser", "-u", OS_USER, "--"));
                full.addAll(command);
            } else {
                full.addAll(List.of("su", OS_USER, "-s", "/bin/sh", "-c", shellQuote(command)));
            }
        } else {
            full.addAll(command);
        }
        Path log = baseDir.resolve(what.replace(' ', '-') + ".out");
        try {
            // Output goes to a file, not a pipe: the postmaster inherits it and outlives pg_ctl.
            Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(log.toFile())
                    .directory(baseDir.toFile()).start();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IllegalStateException("PostgreSQL test cluster: " + what + " timed out" + tails(log));
            }
            if (p.exitValue() != 0) {
                throw new IllegalStateException("PostgreSQL test cluster: " + what + " exited "
                        + p.exitValue() + tails(log));
            }
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test cluster: cannot run " + full + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("PostgreSQL test cluster: interrupted during " + what, e);
        }
    }

    private String tails(Path commandLog) {
        return "\n--- " + commandLog.getFileName() + " ---\n" + tail(commandLog)
                + "\n--- server.log ---\n" + tail(baseDir.resolve("server.log"));
    }

    private static String tail(Path file) {
        try {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size()));
        } catch (IOException e) {
            return "(no " + file.getFileName() + ")";
        }
    }

    private static String shellQuote(List<String> command) {
        StringBuilder sb = new StringBuilder();
        for (String part : command) {
            sb.append('\'').append(part.replace("'", "'\\''")).append("' ");
        }
        return sb.toString().trim();
    }

    private static void chownToPostgres(Path dir) {
        try {
            UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir, lookup.lookupPrincipalByName(OS_USER));
        } catch (IOException e) {
            throw new IllegalStateException("PostgreSQL test cluster: cannot hand " + dir
                    + " to the OS user '" + OS_USER + "': " + e.getMessage(), e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    static Optional<Path> findBinDir() {
        String env = System.getenv("PG_BIN");
        if (env != null && Files.isExecutable(Path.of(env, "initdb"))) {
            return Optional.of(Path.of(env));
        }
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        try (Stream<Path> versions = Files.list(root)) {
            return versions.map(v -> v.resolve("bin"))
                    .filter(b -> Files.isExecutable(b.resolve("initdb")) && Files.isExecutable(b.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(PostgresCluster::majorVersion));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int majorVersion(Path binDir) {
        try {
            return Integer.parseInt(binDir.getParent().getFileName().toString().replaceAll("\\D.*", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("PostgreSQL test cluster: cannot delete " + dir + ": " + e.getMessage());
        }
    }
}
