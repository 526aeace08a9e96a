package com.nextpanel.addons.benchmarks;

import com.nextpanel.addons.client.AgentClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The shaded agent jar run as users run it: {@code java -jar server-agent.jar serve --data-dir DIR --port 0
 * --catalog CAT --trust-root CAT/root.json [--db-url ..]}, as a child process. Its output goes to
 * {@code DIR/../<name>.log}; the client pins {@code DIR/tls.sha256} and sends {@code DIR/admin.token}.
 */
public final class AgentProcess implements AutoCloseable {

    private static final String LISTENING = "listening on ";

    private final Process process;
    private final String url;
    private final Path dataDir;
    private final long startNanos;
    private final AgentClient client;

    private AgentProcess(Process process, String url, Path dataDir, long startNanos) {
        this.process = process;
        this.url = url;
        this.dataDir = dataDir;
        this.startNanos = startNanos;
        this.client = newClient();
    }

    /** What to start. */
    public record Spec(Path agentJar, Path dataDir, Path catalog, Optional<Db> db, List<String> jvmArgs) {
        public Spec(Path agentJar, Path dataDir, Path catalog) {
            this(agentJar, dataDir, catalog, Optional.empty(), List.of());
        }

        public Spec withDb(Db database) {
            return new Spec(agentJar, dataDir, catalog, Optional.of(database), jvmArgs);
        }

        public Spec withJvmArgs(List<String> args) {
            return new Spec(agentJar, dataDir, catalog, db, List.copyOf(args));
        }
    }

    /** A PostgreSQL database for {@code --db-url}. */
    public record Db(String url, String user) {
    }

    /**
     * Starts the agent and waits for its {@code listening on} line.
     *
     * @throws IllegalStateException when it exits or does not listen within {@code timeout}; the message holds its log
     */
    public static AgentProcess start(Spec spec, Duration timeout) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.addAll(spec.jvmArgs());
        cmd.addAll(List.of("-jar", spec.agentJar().toString(), "serve",
                "--data-dir", spec.dataDir().toString(), "--port", "0", "--bind", "127.0.0.1",
                "--catalog", spec.catalog().toString(), "--trust-root", spec.catalog().resolve("root.json").toString()));
        spec.db().ifPresent(db -> cmd.addAll(List.of("--db-url", db.url(), "--db-user", db.user())));
        Path log = logOf(spec.dataDir());
        long t0 = System.nanoTime();
        Process p;
        try {
            Files.createDirectories(log.getParent());
            p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + cmd, e);
        }
        CompletableFuture<String> listening = new CompletableFuture<>();
        Thread pump = new Thread(() -> pump(p, log, listening), "agent-output");
        pump.setDaemon(true);
        pump.start();
        try {
            String url = listening.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return new AgentProcess(p, url, spec.dataDir(), t0);
        } catch (TimeoutException | ExecutionException e) {
            p.destroyForcibly();
            throw new IllegalStateException("the agent did not listen within " + timeout.toSeconds() + " s"
                    + " (exit " + (p.isAlive() ? "none" : p.exitValue()) + "); log " + log + ":\n" + tail(log), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            p.destroyForcibly();
            throw new IllegalStateException("interrupted while starting the agent", e);
        }
    }

    private static void pump(Process p, Path log, CompletableFuture<String> listening) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
             PrintWriter out = new PrintWriter(Files.newBufferedWriter(log, StandardCharsets.UTF_8,
                     java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND), true)) {
            for (String line; (line = in.readLine()) != null; ) {
                out.println(line);
                int at = line.indexOf(LISTENING);
                if (at >= 0 && !listening.isDone()) {
                    listening.complete(line.substring(at + LISTENING.length()).trim());
                }
            }
        } catch (IOException e) {
            listening.completeExceptionally(e);
        }
        listening.completeExceptionally(new IllegalStateException("the agent exited"));
    }

    private AgentClient newClient() {
        try {
            String token = Files.readString(dataDir.resolve("admin.token")).trim();
            String fingerprint = Files.readString(dataDir.resolve("tls.sha256")).trim();
            return AgentClient.builder(url).token(token).pinnedFingerprint(fingerprint)
                    .pollInterval(Duration.ofMillis(50)).readTimeout(Duration.ofSeconds(120)).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the agent's token or fingerprint in " + dataDir, e);
        }
    }

    /** @return a client pinned to this agent's certificate, with its admin token */
    public AgentClient client() {
        return client;
    }

    public String url() {
        return url;
    }

    public long pid() {
        return process.pid();
    }

    /** @return from starting the process until it printed {@code listening on} */
    public Duration startTime(long listeningNanos) {
        return Duration.ofNanos(listeningNanos - startNanos);
    }

    public long startNanos() {
        return startNanos;
    }

    /** Waits for the process to end by itself (e.g. at a test halt point). @return its exit status */
    public int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException("the agent did not exit within " + timeout.toSeconds() + " s");
        }
        client.close();
        return process.exitValue();
    }

    /** SIGTERM, as a service manager stops it, and waits for the exit. */
    @Override
    public void close() {
        client.close();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    static Path logOf(Path dataDir) {
        return dataDir.resolveSibling(dataDir.getFileName() + ".log");
    }

    private static String tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
