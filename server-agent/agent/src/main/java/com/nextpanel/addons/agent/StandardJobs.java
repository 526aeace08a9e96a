package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.install.PlanService;
import com.nextpanel.addons.agent.jobs.JobEngine;
import com.nextpanel.addons.agent.jobs.JobPlan;
import com.nextpanel.addons.agent.jobs.JobPlanner;
import com.nextpanel.addons.agent.jobs.JobRecovery;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobService;
import com.nextpanel.addons.agent.jobs.JournalSchema;
import com.nextpanel.addons.agent.jobs.StepKinds;
import com.nextpanel.addons.agent.registry.AddonState;
import com.nextpanel.addons.agent.registry.InstalledAddon;
import com.nextpanel.addons.agent.registry.InstalledAddons;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The production job side: the journal's schema, recovery, then the job worker, over the registry table.
 *
 * <p>Interim: the install/update/uninstall planner ({@code .install}) has not landed yet, so jobs and plans are
 * refused with a 409 that says so; everything around them (journal, recovery, registry, the API) is real.
 * Replace {@link #planner} with the install planner as it lands.
 */
public final class StandardJobs implements JobsModule {

    private static final Logger LOG = LoggerFactory.getLogger(StandardJobs.class);

    private final JobEngine engine;
    private final PlanService plans;
    private final InstalledAddons installed;

    private StandardJobs(JobEngine engine, PlanService plans, InstalledAddons installed) {
        this.engine = engine;
        this.plans = plans;
        this.installed = installed;
    }

    /** Migrates the journal, recovers unfinished jobs, starts the worker. */
    public static JobsModule start(AgentParts parts) {
        DataSource dataSource = parts.database().dataSource();
        JournalSchema.migrate(dataSource);
        StepKinds kinds = new StepKinds();
        Runnable afterCommit = () -> { };
        JobRecovery.Report report = new JobRecovery(dataSource, kinds, afterCommit, parts.clock()).recover();
        if (!report.isEmpty()) {
            LOG.info("recovery: rolled back {}, rolled forward {}, discarded {}", report.rolledBack(),
                    report.rolledForward(), report.discarded());
        }
        JobEngine engine = new JobEngine(dataSource, planner(), afterCommit, parts.clock());
        engine.start();
        PlanService plans = request -> {
            throw notYet(request.action() + " " + request.id());
        };
        return new StandardJobs(engine, plans, new RegistryTable(dataSource));
    }

    private static JobPlanner planner() {
        return new JobPlanner() {
            @Override
            public void check(JobRequest request) {
                throw notYet(request.action() + " " + request.addonId());
            }

            @Override
            public JobPlan plan(String jobId, JobRequest request) {
                throw notYet(request.action() + " " + request.addonId());
            }
        };
    }

    private static AgentException notYet(String what) {
        return new AgentException(ErrorCode.CONFLICT, "cannot " + what.toLowerCase(java.util.Locale.ROOT)
                + ": this agent build has no install planner yet");
    }

    @Override
    public JobService jobs() {
        return engine;
    }

    @Override
    public PlanService plans() {
        return plans;
    }

    @Override
    public InstalledAddons installed() {
        return installed;
    }

    @Override
    public List<?> backups() {
        return List.of();
    }

    @Override
    public void close() {
        engine.close();
    }

    /** The registry rows ({@code agent.addons}) as {@link InstalledAddons}. */
    static final class RegistryTable implements InstalledAddons {
        private static final String SELECT = "SELECT addon_id, version, state, installed_at FROM agent.addons";
        private final DataSource dataSource;

        RegistryTable(DataSource dataSource) {
            this.dataSource = dataSource;
        }

        @Override
        public List<InstalledAddon> list() {
            return query(SELECT + " ORDER BY addon_id", null);
        }

        @Override
        public Optional<InstalledAddon> find(String id) {
            return query(SELECT + " WHERE addon_id = ?", id).stream().findFirst();
        }

        private List<InstalledAddon> query(String sql, String id) {
            try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
                if (id != null) {
                    s.setString(1, id);
                }
                try (ResultSet rs = s.executeQuery()) {
                    List<InstalledAddon> rows = new ArrayList<>();
                    while (rs.next()) {
                        rows.add(new InstalledAddon(rs.getString(1), rs.getString(2),
                                AddonState.valueOf(rs.getString(3)), Instant.ofEpochMilli(rs.getLong(4))));
                    }
                    return rows;
                }
            } catch (SQLException e) {
                throw new AgentException(ErrorCode.INTERNAL, "cannot read the addon registry: " + e.getMessage(), e);
            }
        }
    }
}
