package com.nextpanel.addons.console.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.tuf.CatalogPublisher;
import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.console.marketplace.SignedCatalogSource;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The benchmark's other JVMs (a {@code main}, not a test): {@code publish DIR N} writes a real signed catalog of
 * N addons; {@code refresh DIR} and {@code load DIR} time one cold TUF refresh (the catalog module's client alone)
 * or one cold load by the console's {@code SignedCatalogSource} (refresh + listings) in a JVM that has run no
 * catalog code before, as the console's first load after start-up is; {@code render DIR} the console's first load with
 * its window up, listed and drawn ({@link CatalogRenderRun}). Prints {@code BENCH-CHILD <ms> for <n>, cpu
 * <thread ms> <process ms>}: wall time, CPU of the timing thread and of the whole JVM (JIT compilers included).
 */
public final class CatalogBenchFixture {

    static final String[] CATEGORIES = {"Support", "Marketing", "Notifications", "Payments", "Reports", "Security"};

    private CatalogBenchFixture() {
    }

    public static void main(String[] args) throws Exception {
        Path catalog = Path.of(args[1]);
        switch (args[0]) {
            case "publish" -> {
                int n = Integer.parseInt(args[2]);
                startClock();
                publish(catalog, n);
                report(n);
            }
            case "refresh" -> {
                Path state = Files.createTempDirectory("bench-state");
                startClock();
                int n = CatalogClient.builder(catalog.toString()).trustedRoot(catalog.resolve("root.json")).stateDir(state).build()
                        .refresh().targets().size();
                report(n);
            }
            case "load" -> {
                Path state = Files.createTempDirectory("bench-state");
                startClock();
                int n = new SignedCatalogSource(catalog.toString(), catalog.resolve("root.json"), state)
                        .load(null).listings().size();
                report(n);
            }
            case "render" -> {
                double[] f = CatalogRenderRun.run(catalog);
                System.out.printf(Locale.ROOT, "BENCH-CHILD %.1f ms for %d, cpu %.0f %.0f%n", f[0], (int) f[3], f[1], f[2]);
                System.exit(0);
            }
            default -> throw new IllegalArgumentException("publish DIR N | refresh DIR | load DIR | render DIR, not " + args[0]);
        }
    }

    private static long threadCpu() {
        return ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long t0;
    private static long thread0;
    private static long process0;

    private static void startClock() {
        thread0 = threadCpu();
        process0 = processCpu();
        t0 = System.nanoTime();
    }

    /** Wall time, then CPU time of this thread and of the whole process (JIT compilers included): CPU is what load does not inflate. */
    private static void report(int n) {
        double wall = (System.nanoTime() - t0) / 1e6;
        System.out.printf(Locale.ROOT, "BENCH-CHILD %.1f ms for %d, cpu %.0f %.0f%n", wall, n, (threadCpu() - thread0) / 1e6,
                (processCpu() - process0) / 1e6);
    }

    /** The same catalog as ever: addon_NNNN, six categories, a name, a description and one route each. */
    static void publish(Path catalog, int addons) throws Exception {
        Path packages = catalog.resolve("packages");
        Files.createDirectories(packages);
        ObjectMapper mapper = new ObjectMapper();
        List<CatalogPublisher.NewTarget> targets = new ArrayList<>();
        for (int i = 0; i < addons; i++) {
            String id = String.format(Locale.ROOT, "addon_%04d", i);
            Path file = packages.resolve(id + "-1.0.0.zip");
            Files.write(file, ("package " + id).getBytes());
            ObjectNode summary = mapper.createObjectNode().put("id", id).put("version", "1.0.0")
                    .put("name", "Addon " + i + " " + CATEGORIES[i % CATEGORIES.length])
                    .put("description", "Generated addon number " + i + " for the catalog benchmark.")
                    .put("category", CATEGORIES[i % CATEGORIES.length]);
            summary.putArray("routes").add("/api/v1/" + id);
            targets.add(new CatalogPublisher.NewTarget("packages/" + id + "-1.0.0.zip", file, summary));
        }
        new CatalogPublisher(catalog, Keyring.generate(new SecureRandom()), Clock.systemUTC(), Map.of()).publish(targets);
    }
}
