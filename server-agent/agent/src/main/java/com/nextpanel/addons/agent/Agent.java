package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.api.AddonsApi;
import com.nextpanel.addons.agent.api.ApiResource;
import com.nextpanel.addons.agent.api.ApiRouter;
import com.nextpanel.addons.agent.api.BackupsApi;
import com.nextpanel.addons.agent.api.CatalogApi;
import com.nextpanel.addons.agent.api.CustomersApi;
import com.nextpanel.addons.agent.api.HealthApi;
import com.nextpanel.addons.agent.api.InvoicesApi;
import com.nextpanel.addons.agent.api.JobEventsApi;
import com.nextpanel.addons.agent.api.JobsApi;
import com.nextpanel.addons.agent.api.MarketplaceApi;
import com.nextpanel.addons.agent.api.PlanApi;
import com.nextpanel.addons.agent.backup.InterruptedRestoreRepair;
import com.nextpanel.addons.agent.core.BillingCore;
import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.host.AddonHost;
import com.nextpanel.addons.agent.host.HostSettings;
import com.nextpanel.addons.agent.server.AgentServer;
import com.nextpanel.addons.agent.server.TlsIdentity;
import com.nextpanel.addons.agent.server.TokenStore;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the agent's parts in order (data dir and its lock, TLS identity, tokens,
 * catalog client, database, billing core, addon host, the job side with recovery, HTTPS server) and takes them
 * down in reverse. Nothing serves before recovery has finished.
 */
public final class Agent implements AutoCloseable {

    /** Held while an agent runs on a data dir, so a second one on the same dir refuses to start. */
    public static final String LOCK_FILE = "agent.lock";
    private static final Logger LOG = LoggerFactory.getLogger(Agent.class);

    private final AgentConfig config;
    private final TlsIdentity tls;
    private final TokenStore tokens;
    private final Database database;
    private final BillingCore core;
    private final AddonHost host;
    private final JobsModule jobs;
    private final Optional<AgentCatalog> catalog;
    private final AgentServer server;
    private final Deque<AutoCloseable> closeables;
    private boolean closed;

    private Agent(AgentConfig config, TlsIdentity tls, TokenStore tokens, Database database, BillingCore core,
                  AddonHost host, JobsModule jobs, Optional<AgentCatalog> catalog, AgentServer server,
                  Deque<AutoCloseable> closeables) {
        this.config = config;
        this.tls = tls;
        this.tokens = tokens;
        this.database = database;
        this.core = core;
        this.host = host;
        this.jobs = jobs;
        this.catalog = catalog;
        this.server = server;
        this.closeables = closeables;
    }

    /**
     * Starts an agent and returns once it serves.
     *
     * @throws AgentException naming what could not start; whatever had started is stopped again
     */
    public static Agent start(AgentConfig config) {
        return start(config, AddonJobsModule::start);
    }

    /**
     * Starts an agent with the given job side (tests use their own planners over the real engine).
     *
     * @throws AgentException naming what could not start; whatever had started is stopped again
     */
    public static Agent start(AgentConfig config, JobsModule.Factory jobsFactory) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Path dir = prepareDataDir(config.dataDir());
            started.push(lock(dir));
            TlsIdentity tls = TlsIdentity.loadOrCreate(dir, List.of(config.bindHost()));
            TokenStore tokens = TokenStore.loadOrCreate(dir);
            Optional<AgentCatalog> catalog = config.catalog()
                    .map(location -> AgentCatalog.open(location, config.trustRoot().orElseThrow(), dir));
            Database database = Database.open(config.effectiveDatabase());
            started.push(database);
            InterruptedRestoreRepair.repair(database.dataSource());
            BillingCore core = BillingCore.start(database);
            AddonHost host = new AddonHost(BillingCore.ROUTE_PREFIXES,
                    HostSettings.defaults().withStartTimeout(config.addonStartTimeout()));
            started.push(host);
            JobsModule jobs = jobsFactory.start(new AgentParts(config, database, core, host, catalog,
                    Clock.systemUTC()));
            started.push(jobs);

            JobEventsApi events = new JobEventsApi(jobs.jobs());
            List<ApiResource> resources = List.of(
                    new HealthApi(),
                    new CustomersApi(core.customers()),
                    new InvoicesApi(core.invoices()),
                    new AddonsApi(jobs.installed(), jobs.jobs()),
                    new CatalogApi(() -> catalog.orElseThrow(() -> new AgentException(ErrorCode.NOT_FOUND,
                            "this agent has no catalog: start it with --catalog DIR_OR_URL --trust-root root.json"))
                            .verified()),
                    new PlanApi(jobs.plans()),
                    new MarketplaceApi(jobs.jobs()),
                    new JobsApi(jobs.jobs()),
                    events,
                    new BackupsApi(jobs.jobs(), jobs::backups, jobs::deleteBackup));
            // The core's and the agent's own routes first; what they do not know goes to the addons.
            Handler routes = new Handler.Sequence(new ApiRouter(resources), host.handler());

            AgentServer server = AgentServer.start(config.bindHost(), config.port(), tls, tokens, routes);
            started.push(server);
            started.push(events);
            return new Agent(config, tls, tokens, database, core, host, jobs, catalog, server, started);
        } catch (RuntimeException e) {
            closeAll(started);
            throw e;
        }
    }

    public AgentConfig config() {
        return config;
    }

    public Path dataDir() {
        return config.dataDir();
    }

    /** @return the port it serves on */
    public int port() {
        return server.port();
    }

    /** @return {@code https://HOST:PORT} as bound */
    public String url() {
        return server.baseUrl();
    }

    /** @return a URL a client on this machine can use (loopback when bound to every interface) */
    public String localUrl() {
        return server.localUrl();
    }

    /** @return the TLS certificate and its fingerprint */
    public TlsIdentity tls() {
        return tls;
    }

    public TokenStore tokens() {
        return tokens;
    }

    public Database database() {
        return database;
    }

    public BillingCore core() {
        return core;
    }

    public AddonHost host() {
        return host;
    }

    /** @return the job side: jobs, plans, the registry */
    public JobsModule jobs() {
        return jobs;
    }

    /** @return the catalog, when the agent was started with one */
    public Optional<AgentCatalog> catalog() {
        return catalog;
    }

    /** Blocks until the agent has stopped. */
    public void awaitStop() throws InterruptedException {
        server.join();
    }

    /** Stops serving (in-flight requests finish first), then the parts below, in reverse order of start. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeAll(closeables);
    }

    private static void closeAll(Deque<AutoCloseable> started) {
        while (!started.isEmpty()) {
            AutoCloseable part = started.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("stopping {} failed", part.getClass().getSimpleName(), e);
            }
        }
    }

    private static Path prepareDataDir(Path dir) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new AgentException(ErrorCode.BAD_REQUEST, "--data-dir is not a directory: " + dir);
            }
            if (!Files.exists(dir)) {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(
                            PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(dir);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "cannot create the data dir " + dir + ": " + e, e);
        }
    }

    private static AutoCloseable lock(Path dir) {
        Path file = dir.resolve(LOCK_FILE);
        try {
            FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                channel.close();
                throw new AgentException(ErrorCode.CONFLICT, "another agent is running on " + dir
                        + " (it holds " + file + ")");
            }
            FileLock held = lock;
            return () -> {
                held.release();
                channel.close();
            };
        } catch (IOException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot lock " + file + ": " + e.getMessage(), e);
        }
    }
}
