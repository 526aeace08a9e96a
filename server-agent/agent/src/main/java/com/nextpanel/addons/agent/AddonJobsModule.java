package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.db.Dialect;
import com.nextpanel.addons.agent.install.AddonDirs;
import com.nextpanel.addons.agent.install.AddonJobs;
import com.nextpanel.addons.agent.install.FlywayAddonSchemas;
import com.nextpanel.addons.agent.install.H2SchemaBackups;
import com.nextpanel.addons.agent.install.HostRuntime;
import com.nextpanel.addons.agent.install.PackageSource;
import com.nextpanel.addons.agent.install.PlanService;
import com.nextpanel.addons.agent.install.SchemaBackups;
import com.nextpanel.addons.agent.install.ZipStager;
import com.nextpanel.addons.agent.core.BillingCore;
import com.nextpanel.addons.agent.jobs.JobService;
import com.nextpanel.addons.agent.registry.InstalledAddons;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import java.nio.file.Path;
import java.util.List;
import javax.sql.DataSource;

/**
 * The production job side: {@link AddonJobs} (journal, recovery, loading the installed addons, the worker) over
 * the agent's database, addon host and catalog.
 */
public final class AddonJobsModule implements JobsModule {

    private final AddonJobs jobs;

    private AddonJobsModule(AddonJobs jobs) {
        this.jobs = jobs;
    }

    /** Migrates the journal, recovers unfinished jobs, loads the installed addons, starts the worker. */
    public static JobsModule start(AgentParts parts) {
        DataSource dataSource = parts.database().dataSource();
        AddonDirs dirs = new AddonDirs(parts.config().dataDir());
        PackageSource source = parts.catalog().map(AgentCatalog::source).orElseGet(NoCatalog::new);
        FlywayAddonSchemas schemas = new FlywayAddonSchemas(dataSource);
        AddonJobs jobs = AddonJobs.start(new AddonJobs.Parts(dataSource, dirs, source, new ZipStager(), schemas,
                backups(parts), new HostRuntime(parts.host(), schemas), BillingCore.VERSION, parts.clock()));
        return new AddonJobsModule(jobs);
    }

    private static SchemaBackups backups(AgentParts parts) {
        if (parts.database().dialect() == Dialect.H2) {
            return new H2SchemaBackups(parts.database().dataSource());
        }
        return new SchemaBackups() {
            @Override
            public String dump(String id, Path dir) {
                throw new AgentException(ErrorCode.CONFLICT, "schema backups of addon " + id
                        + " are not available on PostgreSQL in this build; update with \"backup\": false");
            }

            @Override
            public String restore(String id, Path dir) {
                throw new AgentException(ErrorCode.CONFLICT, "schema restore of addon " + id
                        + " is not available on PostgreSQL in this build");
            }
        };
    }

    @Override
    public JobService jobs() {
        return jobs.jobs();
    }

    @Override
    public PlanService plans() {
        return jobs.plans();
    }

    @Override
    public InstalledAddons installed() {
        return jobs.installed();
    }

    @Override
    public List<?> backups() {
        return jobs.backups().list();
    }

    @Override
    public void deleteBackup(String backupId) {
        jobs.backups().delete(backupId);
    }

    @Override
    public void close() {
        jobs.close();
    }

    /** The package source of an agent started without {@code --catalog}: every install names the missing option. */
    private static final class NoCatalog implements PackageSource {
        @Override
        public VerifiedCatalog catalog() {
            throw missing();
        }

        @Override
        public Path fetch(CatalogTarget target) {
            throw missing();
        }

        private static AgentException missing() {
            return new AgentException(ErrorCode.NOT_FOUND,
                    "this agent has no catalog: start it with --catalog DIR_OR_URL --trust-root root.json");
        }
    }
}
