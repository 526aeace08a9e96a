package com.nextpanel.addons.benchmarks;

import com.nextpanel.addons.client.AgentClient;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/**
 * Install and uninstall latency of {@code ai_chatbot} end to end through the agent API (submit until the client
 * sees the job SUCCEEDED), on H2 and on PostgreSQL, with the floor beside it in the same run: Flyway migrate of the
 * same SQL alone into a fresh schema (+ drop) and the signature and hash checks alone.
 *
 * <p>{@code java -cp server-agent/benchmarks/target/benchmarks.jar com.nextpanel.addons.benchmarks.InstallLatencyBench
 * [--iterations 30] [--warmup 20] [--db both|h2|pg]}
 */
public final class InstallLatencyBench {

    private static final String ADDON = "ai_chatbot";

    private InstallLatencyBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, "iterations", "warmup", "db");
        int iterations = args.intValue("iterations", 30);
        int warmup = args.intValue("warmup", 20);
        String db = args.value("db", "both");
        BenchPaths paths = BenchPaths.locate();
        System.out.println("# InstallLatencyBench " + ADDON + ", " + iterations + " iterations after " + warmup
                + " warm-up; start " + Machine.now());
        Path work = Dirs.fresh(paths.work(), "install-latency");
        Floor floor = new Floor(paths.demoCatalog(), ADDON, work);
        System.out.println("package " + floor.target().path() + " (" + floor.target().length() + " bytes)");
        if (db.equals("both") || db.equals("h2")) {
            try (HikariDataSource floorDb = Pools.h2(work.resolve("floor-h2/db"))) {
                AgentProcess.Spec spec = new AgentProcess.Spec(paths.agentJar(), work.resolve("agent-h2"), paths.demoCatalog());
                measure("H2", spec, floorDb, floor, warmup, iterations);
            }
        }
        if (db.equals("both") || db.equals("pg")) {
            try (PostgresCluster cluster = PostgresCluster.start()) {
                PostgresDatabase agentDb = cluster.createDatabase("bench_agent");
                PostgresDatabase floorPg = cluster.createDatabase("bench_floor");
                try (HikariDataSource floorDb = Pools.pool(floorPg.jdbcUrl(), floorPg.user(), floorPg.password())) {
                    AgentProcess.Spec spec = new AgentProcess.Spec(paths.agentJar(), work.resolve("agent-pg"), paths.demoCatalog())
                            .withDb(new AgentProcess.Db(agentDb.jdbcUrl(), agentDb.user()));
                    measure("PostgreSQL", spec, floorDb, floor, warmup, iterations);
                }
            }
        }
        System.out.println("end " + Machine.now());
        System.exit(0);
    }

    private static void measure(String label, AgentProcess.Spec spec, HikariDataSource floorDb, Floor floor,
                                int warmup, int iterations) {
        try (AgentProcess agent = AgentProcess.start(spec, Duration.ofMinutes(3))) {
            AgentClient client = agent.client();
            for (int i = 0; i < warmup; i++) {
                Jobs.install(client, ADDON);
                Jobs.uninstall(client, ADDON);
                floor.migrateNanos(floorDb);
                floor.dropNanos(floorDb);
                floor.verifyNanos();
            }
            Samples install = new Samples();
            Samples uninstall = new Samples();
            Samples installServer = new Samples();
            Samples uninstallServer = new Samples();
            Samples migrate = new Samples();
            Samples drop = new Samples();
            Samples verify = new Samples();
            Jobs.StepTimes installSteps = new Jobs.StepTimes();
            Jobs.StepTimes uninstallSteps = new Jobs.StepTimes();
            for (int i = 0; i < iterations; i++) {
                Jobs.Timed in = Jobs.install(client, ADDON);
                install.add(in.wallNanos());
                installServer.add(in.serverNanos());
                installSteps.add(in.job());
                Jobs.Timed out = Jobs.uninstall(client, ADDON);
                uninstall.add(out.wallNanos());
                uninstallServer.add(out.serverNanos());
                uninstallSteps.add(out.job());
                migrate.add(floor.migrateNanos(floorDb));
                drop.add(floor.dropNanos(floorDb));
                verify.add(floor.verifyNanos());
            }
            double installFloor = migrate.p50() + verify.p50();
            System.out.println();
            System.out.println("## " + label + " (" + Machine.now() + ")");
            System.out.println("install   (client, submit -> SUCCEEDED): " + install.summary());
            System.out.println("install   (agent, createdAt -> finishedAt): " + installServer.summary());
            System.out.print(installSteps.table());
            System.out.println("uninstall (client, submit -> SUCCEEDED): " + uninstall.summary());
            System.out.println("uninstall (agent, createdAt -> finishedAt): " + uninstallServer.summary());
            System.out.print(uninstallSteps.table());
            System.out.println("floor: flyway migrate alone " + migrate.summary());
            System.out.println("floor: drop schema alone    " + drop.summary());
            System.out.println("floor: TUF refresh + package length/SHA-256 alone " + verify.summary());
            System.out.println(String.format(Locale.ROOT,
                    "install p50 / floor p50 (migrate + verify = %.1f ms) = %.1fx; uninstall p50 / drop p50 = %.1fx",
                    installFloor, install.p50() / installFloor, uninstall.p50() / drop.p50()));
            if (label.equals("H2")) {
                System.out.println(String.format(Locale.ROOT, "targets (H2): install p50 <= 100 ms %s, uninstall p50 <= 50 ms %s",
                        install.p50() <= 100 ? "MET" : "MISSED", uninstall.p50() <= 50 ? "MET" : "MISSED"));
            }
        }
    }
}
