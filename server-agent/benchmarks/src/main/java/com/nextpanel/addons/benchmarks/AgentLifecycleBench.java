package com.nextpanel.addons.benchmarks;

import com.nextpanel.addons.client.AgentClient;
import com.nextpanel.addons.client.JobView;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The agent's life around its jobs, against the shaded jar as a process on H2:
 * start-up time with {@code --addons} test addons installed (process start until {@code listening on}, against an
 * agent with none); heap and classes after {@code --cycles} install/uninstall cycles of {@code ai_chatbot} (jcmd,
 * after a full GC); recovery at start after the process halted mid-install (the test-only switch
 * {@code -Dnextpanel.test.haltAt}), against a clean restart of the same data dir.
 *
 * <p>{@code java -cp server-agent/benchmarks/target/benchmarks.jar com.nextpanel.addons.benchmarks.AgentLifecycleBench
 * [--addons 50] [--starts 3] [--cycles 1000] [--part all|startup|heap|recovery]}
 */
public final class AgentLifecycleBench {

    private static final Duration START = Duration.ofMinutes(3);
    private static final List<String> HALT_POINTS = List.of("install:migrate:mid", "install:activate:after",
            "install:commit:after");

    private AgentLifecycleBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, "addons", "starts", "cycles", "part");
        int addons = args.intValue("addons", 50);
        int starts = args.intValue("starts", 3);
        int cycles = args.intValue("cycles", 1000);
        String part = args.value("part", "all");
        BenchPaths paths = BenchPaths.locate();
        System.out.println("# AgentLifecycleBench; start " + Machine.now());
        Path work = Dirs.fresh(paths.work(), "lifecycle");
        if (part.equals("all") || part.equals("startup")) {
            startup(paths, work, addons, starts);
        }
        if (part.equals("all") || part.equals("heap")) {
            heap(paths, work, cycles);
        }
        if (part.equals("all") || part.equals("recovery")) {
            recovery(paths, work, starts);
        }
        System.out.println("end " + Machine.now());
        System.exit(0);
    }

    private static void startup(BenchPaths paths, Path work, int n, int starts) throws Exception {
        Path catalog = ManyAddons.catalog(paths, n);
        AgentProcess.Spec empty = new AgentProcess.Spec(paths.agentJar(), work.resolve("agent-empty"), catalog);
        AgentProcess.Spec full = new AgentProcess.Spec(paths.agentJar(), work.resolve("agent-" + n), catalog);
        AgentProcess.start(empty, START).close(); // the first start makes the certificate and token
        try (AgentProcess agent = AgentProcess.start(full, START)) {
            for (int i = 1; i <= n; i++) {
                Jobs.install(agent.client(), ManyAddons.id(i));
            }
        }
        Samples none = new Samples();
        Samples many = new Samples();
        Samples manyFirstRoute = new Samples();
        for (int i = 0; i < starts; i++) {
            none.add(timedStart(empty));
            long t0 = System.nanoTime();
            try (AgentProcess agent = AgentProcess.start(full, START)) {
                many.add(System.nanoTime() - t0);
                agent.client().getJson("/api/v1/" + ManyAddons.id(n) + "/ping");
                manyFirstRoute.add(System.nanoTime() - t0);
                if (agent.client().addons().size() != n) {
                    throw new IllegalStateException("expected " + n + " addons after restart, found "
                            + agent.client().addons().size());
                }
            }
        }
        System.out.println();
        System.out.println("## start-up, process start -> 'listening on' (" + Machine.now() + ")");
        System.out.println("0 addons:  " + none.summary());
        System.out.println(n + " addons: " + many.summary());
        System.out.println(n + " addons, until the last addon's route answered: " + manyFirstRoute.summary());
    }

    private static long timedStart(AgentProcess.Spec spec) {
        long t0 = System.nanoTime();
        AgentProcess agent = AgentProcess.start(spec, START);
        long took = System.nanoTime() - t0;
        agent.close();
        return took;
    }

    private static final java.time.Duration IDLE_AFTER_CYCLES = java.time.Duration.ofSeconds(60);

    private static void heap(BenchPaths paths, Path work, int cycles) throws Exception {
        AgentProcess.Spec spec = new AgentProcess.Spec(paths.agentJar(), work.resolve("agent-heap"), paths.demoCatalog());
        try (AgentProcess agent = AgentProcess.start(spec, START)) {
            AgentClient client = agent.client();
            for (int i = 0; i < 5; i++) {
                Jobs.install(client, "ai_chatbot");
                Jobs.uninstall(client, "ai_chatbot");
            }
            Jcmd.Heap before = Jcmd.afterFullGc(agent.pid());
            java.util.Map<String, long[]> histogramBefore = Jcmd.histogram(agent.pid());
            long t0 = System.nanoTime();
            Samples cycle = new Samples();
            for (int i = 1; i <= cycles; i++) {
                long c0 = System.nanoTime();
                Jobs.install(client, "ai_chatbot");
                Jobs.uninstall(client, "ai_chatbot");
                cycle.add(System.nanoTime() - c0);
                if (i % 100 == 0) {
                    System.out.println("  after " + i + " cycles: " + Jcmd.afterFullGc(agent.pid()));
                }
            }
            long took = System.nanoTime() - t0;
            Jcmd.Heap after = Jcmd.afterFullGc(agent.pid());
            System.out.println();
            System.out.println("## heap after " + cycles + " install/uninstall cycles of ai_chatbot (" + Machine.now() + ")");
            System.out.println("after 5 warm-up cycles: " + before);
            System.out.println("after " + cycles + " more:    " + after);
            System.out.println(String.format(Locale.ROOT, "growth %.1f MB, %.1f KB per cycle; cycles took %.0f s (%s)",
                    (after.usedKb() - before.usedKb()) / 1024.0, (after.usedKb() - before.usedKb()) / (double) cycles,
                    took / 1e9, cycle.summary()));
            System.out.println("live bytes and instances grown most, by class (GC.class_histogram after a full GC):");
            Jcmd.growth(histogramBefore, Jcmd.histogram(agent.pid()), 15).forEach(l -> System.out.println("  " + l));
            // H2 keeps the metadata of every chunk a commit wrote until the chunk is older than its retention time
            // (45 s by default) and holds no live page; measure again once that has passed, with the agent idle.
            Thread.sleep(IDLE_AFTER_CYCLES.toMillis());
            Jcmd.Heap idle = Jcmd.afterFullGc(agent.pid());
            System.out.println("after " + IDLE_AFTER_CYCLES.toSeconds() + " s idle: " + idle + String.format(Locale.ROOT,
                    " (growth %.1f KB per cycle)", (idle.usedKb() - before.usedKb()) / (double) cycles));
            Jcmd.growth(histogramBefore, Jcmd.histogram(agent.pid()), 8).forEach(l -> System.out.println("  " + l));
        }
    }

    private static void recovery(BenchPaths paths, Path work, int repeats) throws Exception {
        System.out.println();
        System.out.println("## recovery at start after a halt mid-install of ai_chatbot (" + Machine.now() + ")");
        for (String point : HALT_POINTS) {
            Samples clean = new Samples();
            Samples recovering = new Samples();
            String outcome = "";
            for (int r = 0; r < repeats; r++) {
                Path dir = work.resolve("agent-recovery-" + point.replace(':', '-') + "-" + r);
                AgentProcess.Spec spec = new AgentProcess.Spec(paths.agentJar(), dir, paths.demoCatalog());
                timedStart(spec); // the first start makes the certificate and token: not measured
                clean.add(timedStart(spec));
                AgentProcess halting = AgentProcess.start(spec.withJvmArgs(List.of("-Dnextpanel.test.haltAt=" + point)), START);
                String jobId = halting.client().install("ai_chatbot");
                int exit = halting.awaitExit(Duration.ofMinutes(2));
                if (exit != 137) {
                    throw new IllegalStateException("expected the halt (137) at " + point + ", got exit " + exit);
                }
                long t0 = System.nanoTime();
                try (AgentProcess agent = AgentProcess.start(spec, START)) {
                    recovering.add(System.nanoTime() - t0);
                    JobView job = agent.client().job(jobId);
                    outcome = "job " + job.state() + ", installed " + agent.client().addons().stream()
                            .map(a -> a.id() + "@" + a.version()).toList();
                }
            }
            System.out.println(String.format(Locale.ROOT, "%-24s restart with recovery %s; clean restart %s; after: %s",
                    point, recovering.summary(), clean.summary(), outcome));
        }
    }
}
