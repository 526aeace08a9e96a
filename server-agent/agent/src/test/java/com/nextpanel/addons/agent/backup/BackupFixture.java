package com.nextpanel.addons.agent.backup;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.nextpanel.addons.agent.core.BillingCore;
import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.db.Dialect;
import com.nextpanel.addons.agent.host.AddonHost;
import com.nextpanel.addons.agent.install.AddonDirs;
import com.nextpanel.addons.agent.install.AddonJobs;
import com.nextpanel.addons.agent.install.CatalogPackageSource;
import com.nextpanel.addons.agent.install.H2SchemaBackups;
import com.nextpanel.addons.agent.install.HostRuntime;
import com.nextpanel.addons.agent.install.IsolatedAddonSchemas;
import com.nextpanel.addons.agent.install.PostgresSchemaBackups;
import com.nextpanel.addons.agent.install.SchemaBackups;
import com.nextpanel.addons.agent.install.CatalogStager;
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
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;
import org.eclipse.jetty.server.LocalConnector;
import org.eclipse.jetty.server.Server;

/**
 * A real agent minus HTTPS (as the install tests build it): database, billing core, addon host behind a Jetty
 * in-memory connector, per-addon schemas and roles, a real signed catalog, and the jobs feature with backups
 * (retention 3, a free-space probe the test sets).
 */
final class BackupFixture implements AutoCloseable {

    static final int KEEP = 3;

    final Path root;
    final Path dataDir;
    final Path catalogDir;
    final AddonDirs dirs;
    final AtomicLong freeBytes = new AtomicLong(Long.MAX_VALUE);
    private final DatabaseConfig dbConfig;
    private final Keyring keys = Keyring.generate(new SecureRandom());
    private int built;

    Database db;
    AddonHost host;
    AddonDatabases addonDatabases;
    AddonJobs jobs;
    private Server server;
    private LocalConnector connector;

    BackupFixture(Path root, DatabaseConfig dbConfig) throws Exception {
        this.root = root;
        this.dataDir = Files.createDirectories(root.resolve("data"));
        this.catalogDir = root.resolve("catalog");
        this.dbConfig = dbConfig;
        this.dirs = new AddonDirs(dataDir);
        new CatalogPublisher(catalogDir, keys, Clock.systemUTC(), Map.of()).publish(List.of());
        db = Database.open(dbConfig);
        BillingCore.start(db);
        host = new AddonHost(List.of("/api/v1/health", "/api/v1/customers", "/api/v1/invoices"));
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
                Clock.systemUTC()), new BackupSettings(KEEP, dir -> freeBytes.get()));
    }

    @Override
    public void close() throws Exception {
        jobs.close();
        host.close();
        server.stop();
        addonDatabases.close();
        db.close();
    }

    BuiltAddon publish(TestAddonBuilder builder) throws IOException {
        Path zip = root.resolve("built-" + (built++) + ".zip");
        BuiltAddon addon = builder.buildZip(zip);
        var summary = new ObjectMapper().readTree(Files.readString(addon.manifest()));
        new CatalogPublisher(catalogDir, keys, Clock.systemUTC(), Map.of()).publish(List.of(
                new CatalogPublisher.NewTarget("packages/" + addon.id() + "-" + addon.version() + ".zip", zip,
                        summary)));
        return addon;
    }

    JobView run(JobRequest request) throws InterruptedException {
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

    HttpTester.Response get(String path) throws Exception {
        return HttpTester.parseResponse(connector.getResponse("GET " + path
                + " HTTP/1.1\r\nHost: local\r\nConnection: close\r\n\r\n", 1, TimeUnit.MINUTES));
    }

    HttpTester.Response send(String method, String path, String body) throws Exception {
        return HttpTester.parseResponse(connector.getResponse(method + " " + path
                + " HTTP/1.1\r\nHost: local\r\nConnection: close\r\nContent-Type: application/json\r\nContent-Length: "
                + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length + "\r\n\r\n" + body, 1,
                TimeUnit.MINUTES));
    }

    boolean h2() {
        return db.dialect() == Dialect.H2;
    }

    long queryLong(String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void execute(String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /**
     * A canonical dump of the database: its catalog, and the rows of every table ordered by all columns. The job
     * journal is left out: a restore keeps it as it is (it is the history of the jobs, the restore's own included).
     */
    record Dump(DatabaseCatalogSnapshot catalog, Map<String, List<String>> rows) {
    }

    Dump dump() throws Exception {
        Map<String, List<String>> rows = new TreeMap<>();
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            String sql = db.dialect() == Dialect.H2
                    ? "SELECT TABLE_SCHEMA, TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_TYPE = 'BASE TABLE'"
                    + " AND UPPER(TABLE_SCHEMA) <> 'INFORMATION_SCHEMA'"
                    : "SELECT table_schema, table_name FROM information_schema.tables WHERE table_type = 'BASE TABLE'"
                    + " AND table_schema NOT IN ('pg_catalog', 'information_schema')";
            try (ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    String schema = rs.getString(1);
                    String table = rs.getString(2);
                    if (schema.equalsIgnoreCase("agent") && (table.equalsIgnoreCase("jobs")
                            || table.equalsIgnoreCase("job_steps"))) {
                        continue;
                    }
                    tables.add("\"" + schema + "\".\"" + table + "\"");
                }
            }
            for (String t : tables) {
                List<String> out = new ArrayList<>();
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + t)) {
                    ResultSetMetaData md = rs.getMetaData();
                    while (rs.next()) {
                        StringBuilder line = new StringBuilder();
                        for (int i = 1; i <= md.getColumnCount(); i++) {
                            line.append(md.getColumnName(i)).append('=').append(rs.getString(i)).append('|');
                        }
                        out.add(line.toString());
                    }
                }
                out.sort(null);
                rows.put(t, out);
            }
        }
        return new Dump(DatabaseCatalogSnapshot.take(db.dataSource()), rows);
    }

    /** @return every file of the addons directory with its SHA-256, sorted */
    List<String> addonsChecksum() throws IOException {
        if (!Files.exists(dirs.addons())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(dirs.addons())) {
            return files.filter(Files::isRegularFile).map(p -> dirs.addons().relativize(p) + " "
                    + BackupStore.sha256(p)).sorted().toList();
        }
    }
}
