package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.db.Dialect;
import com.nextpanel.addons.agent.isolation.AddonDatabases;
import com.nextpanel.addons.agent.install.AddonDirs;
import com.nextpanel.addons.agent.install.AddonJobs;
import com.nextpanel.addons.agent.install.AddonSchemas;
import com.nextpanel.addons.agent.install.H2SchemaBackups;
import com.nextpanel.addons.agent.install.IsolatedAddonSchemas;
import com.nextpanel.addons.agent.install.PostgresSchemaBackups;
import com.nextpanel.addons.agent.install.HostRuntime;
import com.nextpanel.addons.agent.install.PackageSource;
import com.nextpanel.addons.agent.install.PlanService;
import com.nextpanel.addons.agent.install.SchemaBackups;
import com.nextpanel.addons.agent.install.CatalogStager;
import com.nextpanel.addons.agent.core.BillingCore;
import com.nextpanel.addons.agent.jobs.JobService;
import com.nextpanel.addons.agent.registry.InstalledAddons;
import com.nextpanel.addons.catalog.client.CatalogTarget;
import com.nextpanel.addons.catalog.client.VerifiedCatalog;
import java.nio.file.Path;
import java.util.List;

/**
 * The production job side: {@link AddonJobs} (journal, recovery, loading the installed addons, the worker) over
 * the agent's database, addon host and catalog, with each addon isolated in its own schema and role.
 */
public final class AddonJobsModule implements JobsModule {

    private final AddonJobs jobs;
    private final AddonDatabases addonDatabases;

    private AddonJobsModule(AddonJobs jobs, AddonDatabases addonDatabases) {
        this.jobs = jobs;
        this.addonDatabases = addonDatabases;
    }

    /** Migrates the journal, recovers unfinished jobs, loads the installed addons, starts the worker. */
    public static JobsModule start(AgentParts parts) {
        Database database = parts.database();
        AddonDirs dirs = new AddonDirs(parts.config().dataDir());
        PackageSource source = parts.catalog().map(AgentCatalog::source).orElseGet(NoCatalog::new);
        // Each addon in its own schema with its own role (reaching only its schema and the core tables its
        // permissions grant).
        AddonDatabases addonDatabases = new AddonDatabases(database);
        try {
            AddonSchemas schemas = new IsolatedAddonSchemas(addonDatabases);
            SchemaBackups backups = database.dialect() == Dialect.H2 ? new H2SchemaBackups(database.dataSource())
                    : new PostgresSchemaBackups(database.config());
            AddonJobs jobs = AddonJobs.start(new AddonJobs.Parts(database.dataSource(), dirs, source,
                    new CatalogStager(), schemas, backups, new HostRuntime(parts.host(), schemas), BillingCore.VERSION,
                    parts.clock()));
            return new AddonJobsModule(jobs, addonDatabases);
        } catch (RuntimeException e) {
            addonDatabases.close();
            throw e;
        }
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
        return jobs.backups();
    }

    @Override
    public void deleteBackup(String backupId) {
        jobs.deleteBackup(backupId);
    }

    /** Stops the worker (the running job finishes first), then closes the addons' pools. */
    @Override
    public void close() {
        try {
            jobs.close();
        } finally {
            addonDatabases.close();
        }
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
