package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.api.ApiResource;
import com.nextpanel.addons.agent.api.ApiRouter;
import com.nextpanel.addons.agent.api.CustomersApi;
import com.nextpanel.addons.agent.api.HealthApi;
import com.nextpanel.addons.agent.api.InvoicesApi;
import com.nextpanel.addons.agent.core.BillingCore;
import com.nextpanel.addons.agent.db.Database;
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
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import org.eclipse.jetty.server.Handler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The composition root: builds the agent's parts in order (data dir and its lock, TLS identity, tokens,
 * database, billing core, addon host, jobs with recovery, HTTPS server) and takes them down in reverse.
 * Nothing serves before recovery has finished.
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
    private final AgentServer server;
    private final Deque<AutoCloseable> closeables;
    private boolean closed;

    private Agent(AgentConfig config, TlsIdentity tls, TokenStore tokens, Database database, BillingCore core,
                  AgentServer server, Deque<AutoCloseable> closeables) {
        this.config = config;
        this.tls = tls;
        this.tokens = tokens;
        this.database = database;
        this.core = core;
        this.server = server;
        this.closeables = closeables;
    }

    /**
     * Starts an agent and returns once it serves.
     *
     * @throws AgentException naming what could not start; whatever had started is stopped again
     */
    public static Agent start(AgentConfig config) {
        Deque<AutoCloseable> started = new ArrayDeque<>();
        try {
            Path dir = prepareDataDir(config.dataDir());
            started.push(lock(dir));
            TlsIdentity tls = TlsIdentity.loadOrCreate(dir, List.of(config.bindHost()));
            TokenStore tokens = TokenStore.loadOrCreate(dir);
            Database database = Database.open(config.effectiveDatabase());
            started.push(database);
            BillingCore core = BillingCore.start(database);

            List<ApiResource> resources = new ArrayList<>();
            resources.add(new HealthApi());
            resources.add(new CustomersApi(core.customers()));
            resources.add(new InvoicesApi(core.invoices()));
            Handler routes = new Handler.Sequence(new ApiRouter(resources));

            AgentServer server = AgentServer.start(config.bindHost(), config.port(), tls, tokens, routes);
            started.push(server);
            return new Agent(config, tls, tokens, database, core, server, started);
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
