package com.nextpanel.addons.agent.crash;

import com.nextpanel.addons.agent.AgentMain;
import com.nextpanel.addons.agent.testing.AgentProcess;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;

/**
 * Starts the real agent ({@code AgentMain serve}) from the test class path, fast: the crash suite starts it a few
 * hundred times, so the start is what the suite costs. Three things halve it: the JIT stops at C1 and the serial
 * collector runs (these JVMs live seconds), and an application class-data-sharing archive of the agent's classes is
 * written by the first agent that stops cleanly and mapped by every later one. CDS reads classes from jars only, so
 * the class directories of the reactor modules are copied into plain jars once per run (no shading, no manifest;
 * the test classes are left out: the agent needs none of them).
 */
final class AgentLauncher {

    private static final List<String> JVM = List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xmx256m",
            "-Xss512k", "-Xlog:disable", "-Xlog:all=error:stderr");
    private static AgentLauncher shared;

    private final String classPath;
    private final Path archive;
    private boolean dumping;

    private AgentLauncher(String classPath, Path archive) {
        this.classPath = classPath;
        this.archive = archive;
    }

    static synchronized AgentLauncher shared() {
        if (shared == null) {
            try {
                Path dir = temporaryDirectory("crash-agent-cp");
                shared = new AgentLauncher(jarredClassPath(dir), dir.resolve("agent.jsa"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return shared;
    }

    /** @return a new temporary directory, deleted with everything in it when the test JVM exits */
    static Path temporaryDirectory(String prefix) throws IOException {
        Path dir = Files.createTempDirectory(prefix);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException | UncheckedIOException ignored) {
                // best effort: it is a temporary directory
            }
        }, "crash-cleanup"));
        return dir;
    }

    /** Starts {@code serve} on the case's data dir and database, with the halt switch when {@code haltAt} is set. */
    AgentProcess start(CrashCase c, Optional<String> haltAt) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(JVM);
        command.addAll(cds());
        haltAt.ifPresent(point -> command.add("-D" + com.nextpanel.addons.agent.jobs.HaltSwitch.PROPERTY + "=" + point));
        command.addAll(List.of("-cp", classPath, AgentMain.class.getName(), "serve", "--data-dir",
                c.dataDir().toString(), "--port", "0", "--catalog", c.catalog().dir().toString(), "--trust-root",
                c.catalog().root().toString()));
        command.addAll(c.db().agentArgs());
        return AgentProcess.start(command, c.dataDir());
    }

    /** The first start writes the archive when it exits (a clean stop or a halt); later starts map it. */
    private synchronized List<String> cds() {
        if (Files.isRegularFile(archive)) {
            return List.of("-XX:SharedArchiveFile=" + archive, "-Xshare:auto");
        }
        if (!dumping) {
            dumping = true;
            return List.of("-XX:ArchiveClassesAtExit=" + archive);
        }
        return List.of();
    }

    /** @return the class path with every directory but the test classes replaced by a jar of it */
    private static String jarredClassPath(Path dir) throws IOException {
        List<String> out = new ArrayList<>();
        int n = 0;
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (!Files.isDirectory(p)) {
                out.add(entry);
            } else if (!p.getFileName().toString().equals("test-classes")) {
                Path jar = dir.resolve("classes-" + n++ + ".jar");
                jar(p, jar);
                out.add(jar.toString());
            }
        }
        return String.join(File.pathSeparator, out);
    }

    private static void jar(Path classes, Path jar) throws IOException {
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> walk = Files.walk(classes)) {
            // directories too: Flyway finds classpath:db/core through the directory's own entry
            for (Path p : walk.filter(p -> !p.equals(classes)).sorted().toList()) {
                String name = classes.relativize(p).toString().replace(File.separatorChar, '/');
                boolean dir = Files.isDirectory(p);
                out.putNextEntry(new JarEntry(dir ? name + "/" : name));
                if (!dir) {
                    Files.copy(p, (OutputStream) out);
                }
                out.closeEntry();
            }
        }
    }
}
