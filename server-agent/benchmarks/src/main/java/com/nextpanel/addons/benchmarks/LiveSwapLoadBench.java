package com.nextpanel.addons.benchmarks;

import com.nextpanel.addons.client.AgentClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;

/**
 * Core routes under a steady load while addons come and go, on H2, against the shaded agent as a process.
 * Part 1: {@code GET /api/v1/customers} and {@code GET /api/v1/health} from a few client threads with 0 addons,
 * then during {@code --cycles} install/uninstall cycles of {@code ai_chatbot} from the demo catalog: requests
 * failed (target 0), throughput and latency percentiles. Part 2: the same load on a second agent with 0 and then
 * with {@code --addons} small test addons installed from a generated signed catalog.
 *
 * <p>{@code java -cp server-agent/benchmarks/target/benchmarks.jar com.nextpanel.addons.benchmarks.LiveSwapLoadBench
 * [--threads 3] [--cycles 100] [--seconds 15] [--addons 50]}; {@code --addons 0} skips part 2.
 */
public final class LiveSwapLoadBench {

    private LiveSwapLoadBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, "threads", "cycles", "seconds", "addons");
        int threads = args.intValue("threads", 3);
        int cycles = args.intValue("cycles", 100);
        int seconds = args.intValue("seconds", 15);
        int addons = args.intValue("addons", 50);
        BenchPaths paths = BenchPaths.locate();
        System.out.println("# LiveSwapLoadBench " + threads + " client threads, " + cycles + " cycles, "
                + seconds + " s phases, " + addons + " addons; start " + Machine.now());
        Path work = Dirs.fresh(paths.work(), "live-swap");
        swapUnderLoad(paths, work, threads, cycles, seconds);
        if (addons > 0) {
            manyAddons(paths, work, threads, seconds, addons);
        }
        System.out.println("end " + Machine.now());
        System.exit(0);
    }

    private static void swapUnderLoad(BenchPaths paths, Path work, int threads, int cycles, int seconds)
            throws InterruptedException {
        AgentProcess.Spec spec = new AgentProcess.Spec(paths.agentJar(), work.resolve("agent-swap"), paths.demoCatalog());
        try (AgentProcess agent = AgentProcess.start(spec, Duration.ofMinutes(3))) {
            AgentClient client = agent.client();
            seedCustomers(client, 20);
            CoreLoad.runFor(client, threads, seconds); // warm-up (JIT), discarded
            CoreLoad.Result idle = CoreLoad.runFor(client, threads, seconds);
            System.out.println();
            System.out.println("## core routes, 0 addons (" + Machine.now() + ")");
            System.out.println(idle.summary());

            CoreLoad load = new CoreLoad(client, threads, Long.MAX_VALUE).start();
            Samples install = new Samples();
            Samples uninstall = new Samples();
            int jobFailures = 0;
            for (int i = 0; i < cycles; i++) {
                try {
                    install.add(Jobs.install(client, "ai_chatbot").wallNanos());
                    uninstall.add(Jobs.uninstall(client, "ai_chatbot").wallNanos());
                } catch (RuntimeException e) {
                    jobFailures++;
                    System.out.println("cycle " + i + " failed: " + e.getMessage());
                }
            }
            CoreLoad.Result during = load.stop();
            // again with 0 addons, now that the agent is as warm as during the cycles: the fair comparison
            CoreLoad.Result idleAfter = CoreLoad.runFor(client, threads, seconds);
            System.out.println();
            System.out.println("## core routes during " + cycles + " install/uninstall cycles of ai_chatbot (" + Machine.now() + ")");
            System.out.println(during.summary());
            System.out.println("install under load   " + install.summary());
            System.out.println("uninstall under load " + uninstall.summary());
            System.out.println("cycles failed: " + jobFailures);
            System.out.println();
            System.out.println("## core routes, 0 addons again after the cycles (" + Machine.now() + ")");
            System.out.println(idleAfter.summary());
            System.out.println(String.format(Locale.ROOT, "REQUESTS FAILED during cycles: %d (target 0: %s);"
                            + " throughput during / idle after = %.2f; customers p50 during / idle after = %.2f",
                    during.failed(), during.failed() == 0 ? "MET" : "MISSED", during.throughput() / idleAfter.throughput(),
                    during.customers().p50() / idleAfter.customers().p50()));
        }
    }

    private static void manyAddons(BenchPaths paths, Path work, int threads, int seconds, int n) throws Exception {
        long t0 = System.nanoTime();
        Path catalog = ManyAddons.catalog(paths, n);
        System.out.println();
        System.out.println("catalog of " + n + " test addons ready in " + (System.nanoTime() - t0) / 1_000_000 + " ms: " + catalog);
        AgentProcess.Spec spec = new AgentProcess.Spec(paths.agentJar(), work.resolve("agent-many"), catalog);
        try (AgentProcess agent = AgentProcess.start(spec, Duration.ofMinutes(3))) {
            AgentClient client = agent.client();
            seedCustomers(client, 20);
            CoreLoad.runFor(client, threads, 2 * seconds); // warm-up (JIT), discarded
            CoreLoad.Result none = CoreLoad.runFor(client, threads, seconds);
            Samples install = new Samples();
            for (int i = 1; i <= n; i++) {
                install.add(Jobs.install(client, ManyAddons.id(i)).wallNanos());
            }
            client.getJson("/api/v1/" + ManyAddons.id(n) + "/ping");
            CoreLoad.runFor(client, threads, seconds);
            CoreLoad.Result many = CoreLoad.runFor(client, threads, seconds);
            Samples route = new Samples();
            for (int i = 0; i < 200; i++) {
                long r0 = System.nanoTime();
                client.getJson("/api/v1/" + ManyAddons.id(1 + i % n) + "/ping");
                route.add(System.nanoTime() - r0);
            }
            System.out.println();
            System.out.println("## core routes with 0 addons, second agent (" + Machine.now() + ")");
            System.out.println(none.summary());
            System.out.println("## core routes with " + n + " addons loaded (" + Machine.now() + ")");
            System.out.println(many.summary());
            System.out.println("installs of the " + n + " addons, one after another: " + install.summary());
            System.out.println("their routes, GET /api/v1/benchNN/ping round robin, one thread: " + route.summary());
            System.out.println(String.format(Locale.ROOT, "throughput with %d addons / with 0 = %.2f", n,
                    many.throughput() / none.throughput()));
        }
    }

    static void seedCustomers(AgentClient client, int n) {
        for (int i = 0; i < n; i++) {
            client.postJson("/api/v1/customers", Map.of("name", "Customer " + i, "email", "c" + i + "@example.com"));
        }
    }
}
