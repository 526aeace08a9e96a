package com.nextpanel.addons.agent.install;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.agent.backup.BackupSettings;
import com.nextpanel.addons.agent.core.BillingCore;
import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.db.Dialect;
import com.nextpanel.addons.agent.host.AddonHost;
import com.nextpanel.addons.agent.isolation.AddonDatabases;
import com.nextpanel.addons.agent.isolation.DatabaseCatalogSnapshot;
import com.nextpanel.addons.agent.jobs.JobEvent;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.agent.jobs.Subscription;
import com.nextpanel.addons.catalog.client.CatalogClient;
import com.nextpanel.addons.catalog.tuf.CatalogPublisher;
import com.nextpanel.addons.catalog.tuf.Keyring;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * A real agent minus HTTPS: database (H2 file or PostgreSQL), billing core, addon host behind a Jetty
 * in-memory connector, per-addon schemas and roles, a real signed catalog in a directory, and the jobs feature.
 */
public final class InstallFixture implements AutoCloseable {

    static final List<String> CORE_PREFIXES = List.of("/api/v1/health", "/api/v1/customers", "/api/v1/invoices");

    public final Path root;
    public final Path dataDir;
    public final Path catalogDir;
    final DatabaseConfig dbConfig;
    /** Short, so that the test of a start that hangs is quick; long enough for any real start on a loaded machine. */
    static final java.time.Duration START_TIMEOUT = java.time.Duration.ofSeconds(5);
    public final AddonDirs dirs;
    private final Keyring keys = Keyring.generate(new SecureRandom());
    private final BackupSettings backupSettings;
    private int built;

    public Database db;
    AddonHost host;
    AddonDatabases addonDatabases;
    public AddonJobs jobs;
    private Server server;
    private LocalConnector connector;

    InstallFixture(Path root, DatabaseConfig dbConfig) throws Exception {
        this(root, dbConfig, true);
    }

    /** @param newCatalog whether to create the catalog (a second process on the same root reuses it) */
    InstallFixture(Path root, DatabaseConfig dbConfig, boolean newCatalog) throws Exception {
        this(root, dbConfig, newCatalog, BackupSettings.defaults());
    }

    /** For the backup tests: the same agent with their retention and free-space probe. */
    public InstallFixture(Path root, DatabaseConfig dbConfig, BackupSettings backupSettings) throws Exception {
        this(root, dbConfig, true, backupSettings);
    }

    private InstallFixture(Path root, DatabaseConfig dbConfig, boolean newCatalog, BackupSettings backupSettings)
            throws Exception {
        this.backupSettings = backupSettings;
        this.root = root;
        this.dataDir = Files.createDirectories(root.resolve("data"));
        this.catalogDir = root.resolve("catalog");
        this.dbConfig = dbConfig;
        this.dirs = new AddonDirs(dataDir);
        if (newCatalog) {
            new CatalogPublisher(catalogDir, keys, Clock.systemUTC(), Map.of()).publish(List.of());
        }
        start();
    }

    /** Starts (or restarts) everything on the same data dir and database. */
    void start() throws Exception {
        db = Database.open(dbConfig);
        BillingCore.start(db);
        host = new AddonHost(CORE_PREFIXES, com.nextpanel.addons.agent.host.HostSettings.defaults()
                .withStartTimeout(START_TIMEOUT));
        server = new Server();
        connector = new LocalConnector(server);
        server.addConnector(connector);
        server.setHandler(host.handler());
        server.start();
        addonDatabases = new AddonDatabases(db);
        IsolatedAddonSchemas schemas = new IsolatedAddonSchemas(addonDatabases);
        CatalogClient client = CatalogClient.builder(catalogDir.toString())
                .trustedRoot(catalogDir.resolve("root.json")).stateDir(dataDir.resolve("catalog-state")).build();
        SchemaBackups backups = db.dialect() == Dialect.H2 ? new H2SchemaBackups(db.dataSource())
                : new PostgresSchemaBackups(db.config());
        jobs = AddonJobs.start(new AddonJobs.Parts(db.dataSource(), dirs, new CatalogPackageSource(client,
                dirs.cache()), new CatalogStager(), schemas, backups, new HostRuntime(host, schemas), BillingCore.VERSION,
                Clock.systemUTC()), backupSettings);
    }

    void stop() throws Exception {
        jobs.close();
        host.close();
        server.stop();
        addonDatabases.close();
        db.close();
    }

    void restart() throws Exception {
        stop();
        start();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    /** Builds a test addon, zips it and publishes it into the catalog. */
    public BuiltAddon publish(TestAddonBuilder builder) throws IOException {
        Path zip = root.resolve("built-" + (built++) + ".zip");
        BuiltAddon addon = builder.buildZip(zip);
        var summary = new ObjectMapper().readTree(Files.readString(addon.manifest()));
        new CatalogPublisher(catalogDir, keys, Clock.systemUTC(), Map.of()).publish(List.of(
                new CatalogPublisher.NewTarget("packages/" + addon.id() + "-" + addon.version() + ".zip", zip,
                        summary)));
        return addon;
    }

    /** Publishes a package zip as it is, with its addon.json as the summary. */
    void publishZip(Path zip) throws IOException {
        String manifest;
        try (java.util.zip.ZipFile z = new java.util.zip.ZipFile(zip.toFile())) {
            manifest = new String(z.getInputStream(z.getEntry("addon.json")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
        }
        var summary = new ObjectMapper().readTree(manifest);
        new CatalogPublisher(catalogDir, keys, Clock.systemUTC(), Map.of()).publish(List.of(
                new CatalogPublisher.NewTarget("packages/" + summary.path("id").asText() + "-"
                        + summary.path("version").asText() + ".zip", zip, summary)));
    }

    public JobView run(JobRequest request) throws InterruptedException {
        JobView queued = jobs.jobs().submit(request);
        CountDownLatch end = new CountDownLatch(1);
        try (Subscription s = jobs.jobs().subscribe(queued.jobId(), e -> {
            if (e.type() == JobEvent.Type.END) {
                end.countDown();
            }
        })) {
            if (!end.await(5, TimeUnit.MINUTES)) {
                throw new IllegalStateException("job did not end: " + jobs.jobs().find(queued.jobId()));
            }
        }
        return jobs.jobs().find(queued.jobId()).orElseThrow();
    }

    public HttpTester.Response get(String path) throws Exception {
        return HttpTester.parseResponse(connector.getResponse("GET " + path
                + " HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n", 1, TimeUnit.MINUTES));
    }

    public HttpTester.Response send(String method, String path, String body) throws Exception {
        return HttpTester.parseResponse(connector.getResponse(method + " " + path
                + " HTTP/1.1\r\nHost: local\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body, 1,
                TimeUnit.MINUTES));
    }

    DatabaseCatalogSnapshot catalogSnapshot() {
        return DatabaseCatalogSnapshot.take(db.dataSource());
    }

    /** @return every file under the data dir's addons folder, relative */
    List<String> addonFiles() throws IOException {
        if (!Files.exists(dirs.addons())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dirs.addons())) {
            return files.map(p -> dirs.addons().relativize(p).toString()).sorted().toList();
        }
    }

    String registryExport() throws IOException {
        return Files.readString(dirs.registryExport());
    }

    /** Runs a query as the agent (administrator) and returns the first column of each row. */
    List<String> query(String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            List<String> out = new java.util.ArrayList<>();
            while (rs.next()) {
                out.add(rs.getString(1));
            }
            return out;
        }
    }

    public void execute(String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
