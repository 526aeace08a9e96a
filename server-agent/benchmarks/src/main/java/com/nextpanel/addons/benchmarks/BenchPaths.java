package com.nextpanel.addons.benchmarks;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the built parts are: found from the repository root, which is {@code -Dbench.root} or the first directory
 * upwards from the working directory that holds {@code server-agent/target/server-agent.jar}.
 */
public record BenchPaths(Path root) {

    public static BenchPaths locate() {
        String given = System.getProperty("bench.root");
        if (given != null) {
            return checked(Path.of(given).toAbsolutePath().normalize());
        }
        for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("server-agent/target/server-agent.jar"))) {
                return checked(p);
            }
        }
        throw new IllegalStateException("server-agent/target/server-agent.jar not found above "
                + Path.of("").toAbsolutePath() + "; build it first: ./mvnw -B -q -DskipTests package"
                + " -pl server-agent/agent,addon-catalog/demo-catalog,server-agent/benchmarks -am (or pass -Dbench.root=REPO)");
    }

    private static BenchPaths checked(Path root) {
        BenchPaths paths = new BenchPaths(root);
        for (Path needed : new Path[] {paths.agentJar(), paths.catalogCli(), paths.demoCatalog().resolve("root.json")}) {
            if (!Files.isRegularFile(needed)) {
                throw new IllegalStateException(needed + " is missing; build it first: ./mvnw -B -q -DskipTests package"
                        + " -pl server-agent/agent,addon-catalog/demo-catalog -am");
            }
        }
        return paths;
    }

    public Path agentJar() {
        return root.resolve("server-agent/target/server-agent.jar");
    }

    public Path catalogCli() {
        return root.resolve("addon-catalog/target/addon-catalog.jar");
    }

    public Path demoCatalog() {
        return root.resolve("addon-catalog/target/demo-catalog");
    }

    /** Scratch space for the runs (data dirs, generated catalogs), under the benchmarks module's target. */
    public Path work() {
        return root.resolve("server-agent/benchmarks/target/bench-work");
    }
}
