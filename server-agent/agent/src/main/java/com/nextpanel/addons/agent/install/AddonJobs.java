package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.backup.ActionRouter;
import com.nextpanel.addons.agent.backup.BackupSettings;
import com.nextpanel.addons.agent.backup.Backups;
import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.db.Dialect;
import com.nextpanel.addons.agent.host.AddonHost;
import com.nextpanel.addons.agent.isolation.AddonDatabases;
import com.nextpanel.addons.agent.jobs.JobEngine;
import com.nextpanel.addons.agent.jobs.JobRecovery;
import com.nextpanel.addons.agent.jobs.JobService;
import com.nextpanel.addons.agent.jobs.JournalSchema;
import com.nextpanel.addons.agent.jobs.StepKinds;
import com.nextpanel.addons.agent.registry.InstalledAddons;
import com.nextpanel.addons.agent.registry.RegistryExport;
import com.nextpanel.addons.agent.registry.RegistryStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Clock;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The jobs feature, assembled: journal schema, registry, planner, engine, recovery and bootstrap. Start-up order
 * (done by {@link #start}): migrate the agent schema, recover unfinished jobs, load the installed addons, start
 * the worker. Only then may the server serve.
 *
 * <pre>{@code
 * AddonJobs jobs = AddonJobs.start(new AddonJobs.Parts(dataSource, dirs, source, new CatalogStager(), schemas,
 *         backups, new HostRuntime(host, schemas), BillingCore.VERSION, Clock.systemUTC()));
 * jobs.jobs().submit(JobRequest.install("ai_chatbot", Optional.empty()));
 * }</pre>
 */
public final class AddonJobs implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AddonJobs.class);

    /** What the jobs feature is built from; every part is an interface with a real implementation. */
    public record Parts(DataSource dataSource, AddonDirs dirs, PackageSource source, PackageStager stager,
                        AddonSchemas schemas, SchemaBackups backups, AddonRuntime runtime, String coreVersion,
                        Clock clock) {
    }

    private final RegistryStore registry;
    private final InstallPlanner planner;
    private final JobEngine engine;
    private final JobRecovery.Report recovered;
    private final AddonBootstrap.Report loaded;
    private Backups backups;
    private AutoCloseable owned = () -> { };

    private AddonJobs(RegistryStore registry, InstallPlanner planner, JobEngine engine, JobRecovery.Report recovered,
                      AddonBootstrap.Report loaded) {
        this.registry = registry;
        this.planner = planner;
        this.engine = engine;
        this.recovered = recovered;
        this.loaded = loaded;
    }

    /**
     * The production assembly: per-addon schemas and roles ({@link IsolatedAddonSchemas} over
     * {@link AddonDatabases}), schema backups by H2 {@code SCRIPT} or {@code pg_dump}, safe staging, the host.
     * {@link #close()} also closes the addon pools it opened.
     */
    public static AddonJobs startStandard(Database database, java.nio.file.Path dataDir, AddonHost host,
                                          PackageSource source, String coreVersion, Clock clock) {
        AddonDatabases addonDatabases = new AddonDatabases(database);
        try {
            IsolatedAddonSchemas schemas = new IsolatedAddonSchemas(addonDatabases);
            SchemaBackups backups = database.dialect() == Dialect.H2 ? new H2SchemaBackups(database.dataSource())
                    : new PostgresSchemaBackups(database.config());
            AddonJobs jobs = start(new Parts(database.dataSource(), new AddonDirs(dataDir), source, new CatalogStager(),
                    schemas, backups, new HostRuntime(host, schemas), coreVersion, clock));
            jobs.owned = addonDatabases;
            return jobs;
        } catch (RuntimeException e) {
            addonDatabases.close();
            throw e;
        }
    }

    /** Migrates, recovers, loads the installed addons and starts the worker. */
    public static AddonJobs start(Parts p) {
        return start(p, BackupSettings.defaults());
    }

    /** As {@link #start(Parts)}, with backup retention and free-space probe given. */
    public static AddonJobs start(Parts p, BackupSettings backupSettings) {
        try {
            Files.createDirectories(p.dirs().addons());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        JournalSchema.migrate(p.dataSource());
        RegistryStore registry = new RegistryStore(p.dataSource());
        RegistryExport export = new RegistryExport(registry, p.dirs().registryExport());
        InstallSteps steps = new InstallSteps(p.dirs(), p.source(), p.stager(), p.schemas(), p.backups(), p.runtime(),
                registry, p.clock());
        StepKinds kinds = steps.register(new StepKinds());
        Backups backups = new Backups(p.dataSource(), p.dirs(), registry, p.runtime(), p.schemas(), p.backups(),
                p.coreVersion(), p.clock(), backupSettings);
        backups.register(kinds);
        JobRecovery.Report recovered = new JobRecovery(p.dataSource(), kinds, export, p.clock()).recover();
        AddonBootstrap.Report loaded = new AddonBootstrap(registry, p.runtime(), p.dirs()).loadInstalled();
        export.run();
        InstallPlanner planner = new InstallPlanner(steps, p.coreVersion(), backups);
        JobEngine engine = new JobEngine(p.dataSource(), new ActionRouter(planner, backups), export, p.clock());
        engine.start();
        LOG.info("jobs ready: recovered {}, loaded {}, failed {}", recovered, loaded.loaded(), loaded.failed());
        AddonJobs jobs = new AddonJobs(registry, planner, engine, recovered, loaded);
        jobs.backups = backups;
        return jobs;
    }

    /** @return the backups of every scope: list and delete (taking and restoring are jobs) */
    public Backups backupStore() {
        return backups;
    }

    public JobService jobs() {
        return engine;
    }

    public PlanService plans() {
        return planner;
    }

    public InstalledAddons installed() {
        return registry;
    }

    /** @return the backups for {@code GET /agent/v1/backups} (every scope), newest first */
    public java.util.List<com.nextpanel.addons.agent.backup.BackupSummary> backups() {
        return backups.list();
    }

    /** Deletes a backup. @throws com.nextpanel.addons.agent.AgentException {@code NOT_FOUND} when there is none */
    public void deleteBackup(String backupId) {
        backups.delete(backupId);
    }

    /** @return what recovery did at this start */
    public JobRecovery.Report recovered() {
        return recovered;
    }

    /** @return which addons the start loaded, and which failed */
    public AddonBootstrap.Report loaded() {
        return loaded;
    }

    /** Stops the worker after the running job. */
    @Override
    public void close() {
        engine.close();
        try {
            owned.close();
        } catch (Exception e) {
            LOG.warn("closing the addon pools failed", e);
        }
    }
}
