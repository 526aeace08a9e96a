package com.nextpanel.addons.installers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** Runs a built launcher or tool to its end and keeps what it printed (stdout and stderr together). */
record Launch(int exitCode, String output) {

    /** What the placeholder main classes print until their engineers land the real ones. */
    static final String PLACEHOLDER_MARK = "not built yet";

    static Launch run(List<String> command) {
        return run(command, java.util.Map.of());
    }

    /** The same with more environment variables (e.g. {@code JAVA_TOOL_OPTIONS}, which a jpackage launcher's JVM reads). */
    static Launch run(List<String> command, java.util.Map<String, String> env) {
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().putAll(env);
            process = builder.start();
            process.getOutputStream().close();
        } catch (IOException e) {
            throw new AssertionError("cannot run " + command + ": " + e.getMessage(), e);
        }
        // Read on another thread, so that a process that hangs (or fills the pipe) cannot hang the test.
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        Thread reader = new Thread(() -> {
            try {
                process.getInputStream().transferTo(output);
            } catch (IOException e) {
                // the process ended or was destroyed; what was read so far is kept
            }
        });
        reader.start();
        try {
            boolean ended = process.waitFor(2, TimeUnit.MINUTES);
            if (!ended) {
                process.destroyForcibly().waitFor();
            }
            reader.join(TimeUnit.SECONDS.toMillis(10));
            String printed;
            synchronized (output) {
                printed = output.toString(StandardCharsets.UTF_8);
            }
            if (!ended) {
                throw new AssertionError(command + " did not end within 2 minutes; it printed: " + printed);
            }
            return new Launch(process.exitValue(), printed);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    static Launch run(Path executable, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of(executable.toString()));
        command.addAll(List.of(args));
        return run(command);
    }

    /**
     * Skips the rest of a test while the main class is still the placeholder: then the launcher did start the
     * bundled runtime and reach the main class (which is checked), but there is no version to print yet.
     */
    Launch skipWhilePlaceholder(String mainClass) {
        if (output.contains(PLACEHOLDER_MARK)) {
            assertThat(exitCode).as("the placeholder's exit code").isNotZero();
            Assumptions.abort(mainClass + " is still the placeholder (it printed '" + output.strip()
                    + "'): the launcher reached it on the bundled runtime; --version is checked once it is implemented");
        }
        return this;
    }

    /** The command succeeded and printed the project version (or its numeric head, as the packages carry it). */
    void printedVersion(String projectVersion) {
        assertThat(exitCode).as("exit code of --version; output: %s", output).isZero();
        assertThat(output).as("--version output").contains(BuildSettings.packageVersion(projectVersion));
    }
}
