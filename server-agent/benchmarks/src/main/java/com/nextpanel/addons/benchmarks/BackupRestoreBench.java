package com.nextpanel.addons.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.nextpanel.addons.client.AgentClient;
import com.nextpanel.addons.client.BackupRequest;
import com.nextpanel.addons.client.JobView;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Backup and restore of the whole server (issue 4), against the shaded jar as a process: the billing core with
 * {@code --invoices} invoices (1,000 customers) and the four demo-catalog samples installed, on H2 (SCRIPT), on
 * PostgreSQL with {@code pg_dump}, and on PostgreSQL through JDBC {@code COPY} (the agent started with
 * {@code -Dnextpanel.backup.pgDump=/nonexistent/pg_dump}). For each: full backup time (submit until SUCCEEDED) and
 * size, restore time (its steps: safety backup, restore, activate...), and then recovery at start after a halt
 * mid-install ({@code -Dnextpanel.test.haltAt=install:migrate:mid}) against a clean restart of the same data dir.
 *
 * <p>{@code java -cp server-agent/benchmarks/target/benchmarks.jar com.nextpanel.addons.benchmarks.BackupRestoreBench
 * [--invoices 100000] [--repeats 3] [--db all|h2|pg|copy]}
 */
public final class BackupRestoreBench {

    private static final Duration START = Duration.ofMinutes(5);
    private static final List<String> SAMPLES = List.of("notification_hub", "sms_notifications", "email_marketing",
            "ai_chatbot");
    private static final String HALT = "install:migrate:mid";

    private BackupRestoreBench() {
    }

    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv, "invoices", "repeats", "db");
        int invoices = args.intValue("invoices", 100_000);
        int repeats = args.intValue("repeats", 3);
        String db = args.value("db", "all");
        BenchPaths paths = BenchPaths.locate();
        System.out.println("# BackupRestoreBench " + invoices + " invoices + " + SAMPLES + ", " + repeats
                + " repeats; start " + Machine.now());
        Path work = Dirs.fresh(paths.work(), "backup-restore");
        if (db.equals("all") || db.equals("h2")) {
            AgentProcess.Spec spec = new AgentProcess.Spec(paths.agentJar(), work.resolve("agent-h2"),
                    paths.demoCatalog());
            Path h2 = spec.dataDir().toAbsolutePath().resolve("db").resolve("agent");
            measure("H2 (h2-script)", spec, () -> connect("jdbc:h2:file:" + h2
                    + ";AUTO_SERVER=FALSE;DATABASE_TO_LOWER=TRUE", "agent", ""), invoices, repeats, true);
        }
        if (db.equals("all") || db.equals("pg") || db.equals("copy")) {
            try (PostgresCluster cluster = PostgresCluster.start()) {
                if (!db.equals("copy")) {
                    pg(cluster, "pg_dump", paths, work, List.of(), invoices, repeats);
                }
                if (!db.equals("pg")) {
                    pg(cluster, "jdbc-copy", paths, work, List.of("-Dnextpanel.backup.pgDump=/nonexistent/pg_dump"),
                            invoices, repeats);
                }
            }
        }
        System.out.println("end " + Machine.now());
        System.exit(0);
    }

    private static void pg(PostgresCluster cluster, String method, BenchPaths paths, Path work, List<String> jvm,
                           int invoices, int repeats) throws Exception {
        PostgresDatabase database = cluster.createDatabase("bench_" + method.replace('-', '_'));
        AgentProcess.Spec spec = new AgentProcess.Spec(paths.agentJar(), work.resolve("agent-pg-" + method),
                paths.demoCatalog()).withDb(new AgentProcess.Db(database.jdbcUrl(), database.user()))
                .withJvmArgs(jvm);
        measure("PostgreSQL (" + method + ")", spec, () -> connect(database.jdbcUrl(), database.user(),
                database.password()), invoices, repeats, false);
    }

    private static Connection connect(String url, String user, String password) {
        try {
            return DriverManager.getConnection(url, user, password);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot connect to " + url + ": " + e.getMessage(), e);
        }
    }

    private static void measure(String label, AgentProcess.Spec spec, Supplier<Connection> db, int invoices,
                                int repeats, boolean exclusive) throws Exception {
        try (AgentProcess agent = AgentProcess.start(spec, START)) {
            for (String id : SAMPLES) {
                if (agent.client().addons().stream().noneMatch(a -> a.id().equals(id))) {
                    Jobs.install(agent.client(), id);
                }
            }
        }
        long s0 = System.nanoTime();
        seed(db, invoices);
        double seedS = (System.nanoTime() - s0) / 1e9;
        Samples backup = new Samples();
        Samples restore = new Samples();
        Jobs.StepTimes restoreSteps = new Jobs.StepTimes();
        List<String> sizes = new ArrayList<>();
        String method = "";
        try (AgentProcess agent = AgentProcess.start(spec, START)) {
            AgentClient client = agent.client();
            String last = "";
            for (int i = 0; i < repeats; i++) {
                backup.add(Jobs.run(client, () -> client.createBackup(BackupRequest.full())).wallNanos());
                JsonNode newest = newestFull(client);
                last = newest.path("backupId").asText();
                method = newest.path("method").asText();
                sizes.add(String.format(Locale.ROOT, "%.1f MB", newest.path("sizeBytes").asLong() / 1e6));
            }
            String backupId = last;
            for (int i = 0; i < repeats; i++) {
                Jobs.Timed t = Jobs.run(client, () -> client.restore(backupId));
                restore.add(t.wallNanos());
                restoreSteps.add(t.job());
            }
            if (!exclusive) {
                try (Connection c = db.get(); var s = c.createStatement();
                     var rs = s.executeQuery("SELECT COUNT(*) FROM billing.invoices")) {
                    rs.next();
                    if (rs.getLong(1) != invoices) {
                        throw new IllegalStateException("after the restore " + rs.getLong(1) + " invoices, not "
                                + invoices);
                    }
                }
            }
            Jobs.uninstall(client, "ai_chatbot"); // for the halt mid-install below
        }
        System.out.println();
        System.out.println("## " + label + " (" + Machine.now() + ")");
        System.out.println(String.format(Locale.ROOT, "seeded %d invoices in %.1f s", invoices, seedS));
        System.out.println("full backup (submit -> SUCCEEDED), method " + method + ": " + backup.summary()
                + "; size " + sizes);
        System.out.println("restore of it (submit -> SUCCEEDED): " + restore.summary());
        System.out.print(restoreSteps.table());
        recovery(spec, repeats);
    }

    private static JsonNode newestFull(AgentClient client) {
        for (JsonNode b : client.getJson("/agent/v1/backups")) {
            if (b.path("scope").asText().equals("full")) {
                return b; // newest first
            }
        }
        throw new IllegalStateException("no full backup listed");
    }

    private static void recovery(AgentProcess.Spec spec, int repeats) throws Exception {
        Samples clean = new Samples();
        Samples recovering = new Samples();
        String outcome = "";
        for (int r = 0; r < repeats; r++) {
            long c0 = System.nanoTime();
            AgentProcess plain = AgentProcess.start(spec, START);
            clean.add(System.nanoTime() - c0);
            plain.close();
            List<String> jvm = new ArrayList<>(spec.jvmArgs());
            jvm.add("-Dnextpanel.test.haltAt=" + HALT);
            AgentProcess halting = AgentProcess.start(spec.withJvmArgs(jvm), START);
            String jobId = halting.client().install("ai_chatbot");
            int exit = halting.awaitExit(Duration.ofMinutes(3));
            if (exit != 137) {
                throw new IllegalStateException("expected the halt (137) at " + HALT + ", got exit " + exit);
            }
            long t0 = System.nanoTime();
            try (AgentProcess agent = AgentProcess.start(spec, START)) {
                recovering.add(System.nanoTime() - t0);
                JobView job = agent.client().job(jobId);
                outcome = "job " + job.state() + ", installed " + agent.client().addons().stream()
                        .map(a -> a.id() + "@" + a.version()).sorted().toList();
            }
        }
        System.out.println("restart after a halt at " + HALT + " (start -> listening, recovery included): "
                + recovering.summary() + "; clean restart: " + clean.summary() + "; after: " + outcome);
    }

    /** 1,000 customers and {@code invoices} invoices, in batches, while the agent is stopped (H2 is exclusive). */
    private static void seed(Supplier<Connection> db, int invoices) throws Exception {
        try (Connection c = db.get()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing.customers (name, email) VALUES (?, ?)")) {
                for (int i = 1; i <= 1000; i++) {
                    ps.setString(1, "Customer " + i);
                    ps.setString(2, "bench" + i + "@example.com");
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            long first;
            try (var s = c.createStatement(); var rs = s.executeQuery("SELECT MIN(id) FROM billing.customers")) {
                rs.next();
                first = rs.getLong(1);
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO billing.invoices (customer_id, number,"
                    + " amount_cents, status) VALUES (?, ?, ?, ?)")) {
                for (int i = 1; i <= invoices; i++) {
                    ps.setLong(1, first + i % 1000);
                    ps.setString(2, "INV-" + i);
                    ps.setLong(3, 100L * (i % 977));
                    ps.setString(4, i % 3 == 0 ? "PAID" : "OPEN");
                    ps.addBatch();
                    if (i % 5000 == 0) {
                        ps.executeBatch();
                    }
                }
                ps.executeBatch();
            }
            c.commit();
        }
    }
}
