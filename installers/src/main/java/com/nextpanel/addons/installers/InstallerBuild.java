package com.nextpanel.addons.installers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Builds the installers (run by the {@code installers} Maven profile at {@code package}):
 * {@code target/app-images/{nextpanel-console,nextpanel-agent}} and {@code target/installers/*}.
 */
public final class InstallerBuild {

    static final String VENDOR = "NextPanel";
    static final String COPYRIGHT = "Copyright NextPanel Addons authors";
    static final String MAINTAINER_EMAIL = "addons@nextpanel.invalid";

    private InstallerBuild() {
    }

    public static void main(String[] args) {
        try {
            BuildSettings settings = BuildSettings.parse(args);
            Tools tools = new Tools();
            Files2.deleteRecursively(settings.installersDir());
            long start = System.nanoTime();
            Path console = new ConsolePackager(settings, tools).build();
            Path agent = new AgentPackager(settings, tools).build();
            report(console);
            report(agent);
            try (Stream<Path> installers = Files.list(settings.installersDir())) {
                installers.sorted().forEach(InstallerBuild::report);
            }
            System.out.printf("[installers] done in %d s%n", (System.nanoTime() - start) / 1_000_000_000L);
        } catch (InstallerException e) {
            System.err.println("installers: " + e.code() + ": " + e.getMessage());
            System.exit(1);
        } catch (java.io.IOException e) {
            System.err.println("installers: cannot list the installers: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void report(Path path) {
        System.out.printf("[installers] %-60s %6.1f MB%n", path, Files2.sizeOf(path) / 1_000_000.0);
    }
}
