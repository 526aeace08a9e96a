package com.nextpanel.addons.catalog.client;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A bench runner (not a test): publishes a catalog of N packages and measures a full client refresh
 * (four signature checks, hashes, parsing N targets). Run: {@code java -cp ... CatalogRefreshBench 5000}.
 */
public final class CatalogRefreshBench {

    private CatalogRefreshBench() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        Path dir = Files.createTempDirectory("catalog-bench");
        RepoFixture repo = RepoFixture.create(dir.resolve("repo"));
        for (int i = 0; i < n; i++) {
            repo.addPackage("addon_" + (i / 5), "1." + (i % 5) + ".0");
        }
        long t0 = System.nanoTime();
        repo.publish();
        long publishMs = (System.nanoTime() - t0) / 1_000_000;
        long targetsBytes = Files.size(repo.dir.resolve("targets.json"));
        CatalogClient client = repo.client().build();
        for (int i = 0; i < 5; i++) {
            client.refresh(); // warm-up
        }
        int runs = 20;
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpuStart = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        VerifiedCatalog catalog = null;
        for (int i = 0; i < runs; i++) {
            catalog = client.refresh();
        }
        double ms = (System.nanoTime() - start) / 1e6 / runs;
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpuStart) / 1e6 / runs;
        System.out.printf("packages=%d targets.json=%d bytes sign+write=%d ms refresh=%.1f ms/op wall, %.1f ms/op cpu (%d addons)%n",
                catalog.targets().size(), targetsBytes, publishMs, ms, cpuMs, catalog.byAddon().size());
    }
}
