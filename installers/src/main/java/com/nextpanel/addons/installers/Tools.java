package com.nextpanel.addons.installers;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;

/** Runs the JDK tools in-process (ToolProvider) and system commands (dpkg-deb, tar) as processes, failing loudly. */
final class Tools {

    /** Runs a JDK tool (jdeps, jlink, jpackage) of the running JDK and returns what it printed to stdout. */
    String jdkTool(String name, List<String> args) {
        ToolProvider tool = ToolProvider.findFirst(name).orElseThrow(() -> new InstallerException(ErrorCode.TOOL_FAILED,
                "the JDK tool '" + name + "' is not in " + System.getProperty("java.home") + ": use a full JDK 17+"));
        log(name, args);
        long start = System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintWriter outWriter = new PrintWriter(out, true, StandardCharsets.UTF_8);
             PrintWriter errWriter = new PrintWriter(err, true, StandardCharsets.UTF_8)) {
            status = tool.run(outWriter, errWriter, args.toArray(String[]::new));
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        String stderr = err.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new InstallerException(ErrorCode.TOOL_FAILED,
                    name + " exited " + status + ":\n" + stdout + stderr);
        }
        if (!stderr.isBlank()) {
            System.out.print(stderr);
        }
        took(name, start);
        return stdout;
    }

    /** Runs a system command, its output going to ours; fails when it is missing or exits non-zero. */
    void command(Path workDir, List<String> command) {
        command(workDir, command, java.util.Map.of(), null);
    }

    /**
     * The same with more environment variables, and a time limit (none when null) after which it is killed and fails.
     */
    void command(Path workDir, List<String> command, java.util.Map<String, String> env, java.time.Duration limit) {
        log(command.get(0), command.subList(1, command.size()));
        if (!env.isEmpty()) {
            System.out.println("[installers]   with " + env);
        }
        long start = System.nanoTime();
        Process process;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).inheritIO();
            builder.environment().putAll(env);
            process = builder.start();
        } catch (IOException e) {
            throw new InstallerException(ErrorCode.TOOL_FAILED,
                    "cannot run '" + command.get(0) + "' (is it installed? .ci/run installs what a fresh machine lacks)", e);
        }
        try {
            if (limit != null && !process.waitFor(limit.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                throw new InstallerException(ErrorCode.TOOL_FAILED, command.get(0) + " did not end within " + limit + ": " + command);
            }
            int status = process.waitFor();
            if (status != 0) {
                throw new InstallerException(ErrorCode.TOOL_FAILED, command.get(0) + " exited " + status + ": " + command);
            }
            took(command.get(0), start);
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new InstallerException(ErrorCode.TOOL_FAILED, "interrupted while running " + command.get(0), e);
        }
    }

    private static void log(String name, List<String> args) {
        List<String> line = new ArrayList<>();
        line.add(name);
        line.addAll(args.size() > 12 ? args.subList(0, 12) : args);
        String more = args.size() > 12 ? " ... (" + (args.size() - 12) + " more)" : "";
        System.out.println("[installers] " + String.join(" ", line) + more);
    }

    private static void took(String name, long start) {
        System.out.printf("[installers] %s took %.1f s%n", name, (System.nanoTime() - start) / 1e9);
    }
}
