package com.nextpanel.addons.agent.testing;

import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real agent process ({@code java -jar server-agent.jar serve ...}, or the test class path with
 * {@code AgentMain}): waits for its {@code listening on} line, stops it with SIGTERM or kills it with SIGKILL.
 * Its stdout lines are kept; its stderr goes to {@code DIR/../agent-<n>.err}.
 */
public final class AgentProcess implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (https://\\S+):(\\d+)");
    private final Process process;
    private final List<String> stdout = new CopyOnWriteArrayList<>();
    private final Path stderr;
    private final Thread reader;

    private AgentProcess(Process process, Path stderr) {
        this.process = process;
        this.stderr = stderr;
        this.reader = new Thread(this::readStdout, "agent-process-stdout");
        this.reader.setDaemon(true);
        this.reader.start();
    }

    /** @return the shaded jar the build made, from the {@code agent.jar} system property or the default path */
    public static Path shadedJar() {
        String configured = System.getProperty("agent.jar");
        return Path.of(configured != null ? configured : "../target/server-agent.jar").toAbsolutePath().normalize();
    }

    /** Starts {@code java -jar JAR serve --data-dir DIR --port 0 [db options] [extra]}. */
    public static AgentProcess startJar(Path jar, Path dataDir, DatabaseTarget db, String... extra) {
        List<String> command = new ArrayList<>(List.of(java(), "-jar", jar.toString()));
        command.addAll(serveArgs(dataDir, db, extra));
        return start(command, dataDir);
    }

    /** Starts the agent from this JVM's class path (for tests that run before the jar is packaged). */
    public static AgentProcess startClassPath(Path dataDir, DatabaseTarget db, List<String> jvmOptions,
                                              String... extra) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"),
                "com.nextpanel.addons.agent.AgentMain"));
        command.addAll(serveArgs(dataDir, db, extra));
        return start(command, dataDir);
    }

    /** Starts any command line (stdout kept, stderr to a file beside the data dir). */
    public static AgentProcess start(List<String> command, Path dataDir) {
        try {
            Path parent = dataDir.toAbsolutePath().getParent();
            Path err = Files.createTempFile(parent, "agent-", ".err");
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            return new AgentProcess(p, err);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        }
    }

    private static List<String> serveArgs(Path dataDir, DatabaseTarget db, String... extra) {
        List<String> args = new ArrayList<>(List.of("serve", "--data-dir", dataDir.toString(), "--port", "0"));
        args.addAll(db.agentArgs());
        args.addAll(List.of(extra));
        return args;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Waits for the {@code listening on https://HOST:PORT} line.
     *
     * @return the URL it printed
     * @throws IllegalStateException when the process exits first or does not get there in time, with its output
     */
    public String awaitListening(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            Optional<String> url = listeningUrl();
            if (url.isPresent()) {
                return url.get();
            }
            if (!process.isAlive() && !reader.isAlive()) {
                throw new IllegalStateException("agent exited " + process.exitValue() + " before listening:\n"
                        + output());
            }
            sleep(50);
        }
        throw new IllegalStateException("agent not listening after " + timeout + ":\n" + output());
    }

    /** @return the URL of the {@code listening on} line, once printed */
    public Optional<String> listeningUrl() {
        for (String line : stdout) {
            Matcher m = LISTENING.matcher(line);
            if (m.find()) {
                return Optional.of(m.group(1) + ":" + m.group(2));
            }
        }
        return Optional.empty();
    }

    /** @return the port of the {@code listening on} line */
    public int port() {
        String url = listeningUrl().orElseThrow(() -> new IllegalStateException("not listening yet"));
        return Integer.parseInt(url.substring(url.lastIndexOf(':') + 1));
    }

    /** @return every line printed on stdout so far */
    public List<String> stdout() {
        return List.copyOf(stdout);
    }

    /** @return what it printed on stderr so far */
    public String stderr() {
        try {
            return Files.readString(stderr, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getMessage() + ")";
        }
    }

    public Process process() {
        return process;
    }

    /** Sends SIGTERM and waits for the exit. @return the exit code */
    public int terminate(Duration timeout) {
        // Through the handle: Process.destroy() would also close our end of stdout before we read the last line.
        process.toHandle().destroy();
        return awaitExit(timeout);
    }

    /** Sends SIGKILL (no shutdown hooks run) and waits for the exit. */
    public void kill() {
        process.toHandle().destroyForcibly();
        awaitExit(Duration.ofSeconds(30));
    }

    /** Waits for the process to exit by itself. @return the exit code */
    public int awaitExit(Duration timeout) {
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("agent still running after " + timeout + ":\n" + output());
            }
            reader.join(5_000);
            return process.exitValue();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** @return stdout and stderr, for failure messages */
    public String output() {
        return "--- stdout ---\n" + String.join("\n", stdout) + "\n--- stderr ---\n" + stderr();
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
            try {
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void readStdout() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                stdout.add(line);
            }
        } catch (IOException e) {
            stdout.add("(stdout unreadable: " + e.getMessage() + ")");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
