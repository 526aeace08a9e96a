package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.db.Dialect;
import com.nextpanel.addons.agent.install.AddonDirs;
import com.nextpanel.addons.agent.install.AddonJobs;
import com.nextpanel.addons.agent.install.InstallFixture;
import com.nextpanel.addons.agent.isolation.DatabaseCatalogSnapshot;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.testsupport.fixtures.BuiltAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.eclipse.jetty.http.HttpTester;

/**
 * The install tests' in-process agent ({@link InstallFixture}: database, billing core, addon host behind a Jetty
 * in-memory connector, per-addon schemas and roles, a real signed catalog, the jobs feature) with the backups' retention
 * (3) and a free-space probe the test sets, plus a canonical dump and a checksum of the addons directory.
 */
final class BackupFixture implements AutoCloseable {

    static final int KEEP = 3;

    final AtomicLong freeBytes = new AtomicLong(Long.MAX_VALUE);
    private final InstallFixture agent;
    final Path root;
    final Path dataDir;
    final Path catalogDir;
    final AddonDirs dirs;
    final Database db;
    final AddonJobs jobs;

    BackupFixture(Path root, DatabaseConfig dbConfig) throws Exception {
        agent = new InstallFixture(root, dbConfig, new BackupSettings(KEEP, dir -> freeBytes.get()));
        this.root = agent.root;
        this.dataDir = agent.dataDir;
        this.catalogDir = agent.catalogDir;
        this.dirs = agent.dirs;
        this.db = agent.db;
        this.jobs = agent.jobs;
    }

    @Override
    public void close() throws Exception {
        agent.close();
    }

    BuiltAddon publish(TestAddonBuilder builder) throws IOException {
        return agent.publish(builder);
    }

    JobView run(JobRequest request) throws InterruptedException {
        return agent.run(request);
    }

    HttpTester.Response get(String path) throws Exception {
        return agent.get(path);
    }

    HttpTester.Response send(String method, String path, String body) throws Exception {
        return agent.send(method, path, body);
    }

    void execute(String sql) throws Exception {
        agent.execute(sql);
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
