package com.nextpanel.addons.agent.testing;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.AgentParts;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.JobsModule;
import com.nextpanel.addons.agent.install.PlanRequest;
import com.nextpanel.addons.agent.install.PlanService;
import com.nextpanel.addons.agent.install.PlanView;
import com.nextpanel.addons.agent.install.PlannedAddon;
import com.nextpanel.addons.agent.jobs.CommitStep;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobEngine;
import com.nextpanel.addons.agent.jobs.JobPlan;
import com.nextpanel.addons.agent.jobs.JobPlanner;
import com.nextpanel.addons.agent.jobs.JobRecovery;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobService;
import com.nextpanel.addons.agent.jobs.JournalSchema;
import com.nextpanel.addons.agent.jobs.Step;
import com.nextpanel.addons.agent.jobs.StepContext;
import com.nextpanel.addons.agent.jobs.StepKinds;
import com.nextpanel.addons.agent.registry.AddonState;
import com.nextpanel.addons.agent.registry.InstalledAddon;
import com.nextpanel.addons.agent.registry.InstalledAddons;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * A job side for testing the agent's HTTP API on the real {@link JobEngine} and journal, with a small planner
 * whose steps do real, visible work: an install {@code write}s {@code DIR/file-jobs/<id>} (undo deletes it)
 * and {@code commit}s the registry row; any other action only writes {@code DIR/file-jobs/<action>-<id>-<job>}. Addon ids steer it:
 * <ul>
 *   <li>{@code missing_addon}: 404 at submit and plan;</li>
 *   <li>{@code taken_addon}: plan answers 409 with two reasons;</li>
 *   <li>{@code depended_on}: uninstall answers 409 naming its dependents;</li>
 *   <li>{@code broken_addon}: its {@code verify} step fails after {@code write}, so the job rolls back;</li>
 *   <li>{@code gated_addon}: its {@code write} step waits until {@link #openGate} (so a test can follow it live).</li>
 * </ul>
 */
public final class FileJobs implements JobsModule {

    /** A backup as {@code GET /agent/v1/backups} lists it here. */
    public record Backup(String backupId, String scope, Instant createdAt) {
    }

    private final JobEngine engine;
    private final DataSource dataSource;

    private FileJobs(JobEngine engine, DataSource dataSource) {
        this.engine = engine;
        this.dataSource = dataSource;
    }

    public static JobsModule start(AgentParts parts) {
        DataSource ds = parts.database().dataSource();
        JournalSchema.migrate(ds);
        Path dir = parts.config().dataDir().resolve("file-jobs");
        StepKinds kinds = new StepKinds().register(WriteStep.KIND, r -> new WriteStep(Path.of(r.get("file"))));
        new JobRecovery(ds, kinds, () -> { }, parts.clock()).recover();
        JobEngine engine = new JobEngine(ds, new Planner(dir), () -> { }, parts.clock());
        engine.start();
        return new FileJobs(engine, ds);
    }

    @Override
    public JobService jobs() {
        return engine;
    }

    @Override
    public PlanService plans() {
        return this::plan;
    }

    @Override
    public InstalledAddons installed() {
        return new InstalledAddons() {
            @Override
            public List<InstalledAddon> list() {
                return rows(null);
            }

            @Override
            public Optional<InstalledAddon> find(String id) {
                return rows(id).stream().findFirst();
            }
        };
    }

    @Override
    public List<?> backups() {
        return List.of(new Backup("b-1", "full", Instant.parse("2026-01-01T00:00:00Z")));
    }

    @Override
    public void close() {
        engine.close();
    }

    /** @return the file the {@code write} step of an install of {@code id} creates */
    public static Path fileOf(Path dataDir, String id) {
        return dataDir.resolve("file-jobs").resolve(id);
    }

    /** Lets the {@code write} step of {@code gated_addon} go on. */
    public static void openGate(Path dataDir) throws java.io.IOException {
        Path gate = gateOf(dataDir.resolve("file-jobs"), "gated_addon");
        Files.createDirectories(gate.getParent());
        Files.writeString(gate, "go");
    }

    private static Path gateOf(Path dir, String id) {
        return dir.resolve(id + ".gate");
    }

    private PlanView plan(PlanRequest request) {
        Planner.check(request.action(), request.id());
        if (request.id().equals("taken_addon")) {
            throw new AgentException(ErrorCode.CONFLICT, "cannot install taken_addon",
                    List.of("route prefix /api/v1/chat is taken by ai_chatbot", "conflicts with legacy_chat"), null);
        }
        return new PlanView(request.action(), request.id(), request.version().orElse("1.0.0"),
                List.of(new PlannedAddon("dep_addon", "2.0.0", Optional.empty(), true),
                        new PlannedAddon(request.id(), request.version().orElse("1.0.0"), Optional.empty(), false)),
                List.of("addon_" + request.id()), List.of("addon_" + request.id() + "/V1__init.sql"),
                List.of("/api/v1/" + request.id()), List.of("billing.customers:read"), false);
    }

    private List<InstalledAddon> rows(String id) {
        String sql = "SELECT addon_id, version, state, installed_at FROM agent.addons"
                + (id == null ? " ORDER BY addon_id" : " WHERE addon_id = ?");
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            if (id != null) {
                s.setString(1, id);
            }
            List<InstalledAddon> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new InstalledAddon(rs.getString(1), rs.getString(2), AddonState.valueOf(rs.getString(3)),
                            Instant.ofEpochMilli(rs.getLong(4))));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Planner(Path dir) implements JobPlanner {

        static void check(JobAction action, String id) {
            if (id.equals("missing_addon")) {
                throw new AgentException(ErrorCode.NOT_FOUND, "no addon missing_addon in the catalog");
            }
            if (action == JobAction.UNINSTALL && id.equals("depended_on")) {
                throw new AgentException(ErrorCode.CONFLICT, "cannot uninstall depended_on: other addons need it",
                        List.of("sms_notifications requires depended_on"), null);
            }
        }

        @Override
        public void check(JobRequest request) {
            check(request.action(), request.addonId());
        }

        @Override
        public JobPlan plan(String jobId, JobRequest request) {
            List<Step> steps = new ArrayList<>();
            if (request.action() != JobAction.INSTALL) {
                // Other actions only leave a file behind: enough for the API to show a job with a step.
                String name = request.action().name().toLowerCase(java.util.Locale.ROOT) + "-"
                        + (request.addonId().isEmpty() ? "full" : request.addonId()) + "-" + jobId;
                return new JobPlan(List.of(new WriteStep(dir.resolve(name))), request.action() + " " + name);
            }
            steps.add(new WriteStep(dir.resolve(request.addonId())));
            if (request.addonId().equals("broken_addon")) {
                steps.add(new FailStep());
            }
            steps.add(new RegistryCommit(request.addonId(), request.version().orElse("1.0.0")));
            return new JobPlan(steps, request.action() + " " + request.addonId());
        }
    }

    private record WriteStep(Path file) implements Step {
        static final String KIND = "test.write";

        @Override
        public String name() {
            return "write";
        }

        @Override
        public String kind() {
            return KIND;
        }

        @Override
        public Map<String, String> record() {
            return Map.of("file", file.toString());
        }

        @Override
        public String run(StepContext context) throws Exception {
            Path gate = gateOf(file.getParent(), file.getFileName().toString());
            if (file.getFileName().toString().equals("gated_addon")) {
                for (int i = 0; i < 600 && !Files.exists(gate); i++) {
                    Thread.sleep(100);
                }
            }
            context.progress(50, "writing " + file.getFileName());
            context.log("writing " + file);
            Files.createDirectories(file.getParent());
            Files.writeString(file, context.jobId());
            return "wrote " + file.getFileName();
        }

        @Override
        public String undo(StepContext context) throws Exception {
            Files.deleteIfExists(file);
            return "deleted " + file.getFileName();
        }
    }

    private record FailStep() implements Step {
        @Override
        public String name() {
            return "verify";
        }

        @Override
        public String kind() {
            return "test.fail";
        }

        @Override
        public Map<String, String> record() {
            return Map.of();
        }

        @Override
        public String run(StepContext context) {
            throw new IllegalStateException("broken_addon does not verify");
        }

        @Override
        public String undo(StepContext context) {
            return "nothing to undo";
        }

        @Override
        public boolean changesServer() {
            return false;
        }
    }

    private record RegistryCommit(String id, String version) implements CommitStep {
        @Override
        public String name() {
            return "commit";
        }

        @Override
        public String kind() {
            return "test.commit";
        }

        @Override
        public Map<String, String> record() {
            return Map.of("id", id);
        }

        @Override
        public String commit(Connection transaction, StepContext context) throws SQLException {
            try (PreparedStatement s = transaction.prepareStatement("INSERT INTO agent.addons"
                    + " (addon_id, version, state, installed_at, updated_at, manifest) VALUES (?, ?, ?, ?, ?, ?)")) {
                long now = System.currentTimeMillis();
                s.setString(1, id);
                s.setString(2, version);
                s.setString(3, "ENABLED");
                s.setLong(4, now);
                s.setLong(5, now);
                s.setString(6, "{}");
                s.executeUpdate();
            }
            return "registered " + id + " " + version;
        }
    }
}
