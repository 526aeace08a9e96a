package com.nextpanel.addons.agent.jobs;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

/** A real H2 file database with the journal migrated, an engine over the test planner, and helpers. */
final class EngineFixture implements AutoCloseable {

    final Path dir;
    final HikariDataSource ds;
    final List<String> exports = new java.util.concurrent.CopyOnWriteArrayList<>();
    JobEngine engine;

    EngineFixture(Path dir) throws SQLException {
        this.dir = dir;
        this.ds = dataSource(dir);
        JournalSchema.migrate(ds);
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS test_registry (id VARCHAR(64) PRIMARY KEY)");
        }
    }

    static HikariDataSource dataSource(Path dir) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl("jdbc:h2:file:" + dir.resolve("db/agent").toAbsolutePath());
        config.setUsername("sa");
        config.setPassword("");
        config.setMaximumPoolSize(4);
        return new HikariDataSource(config);
    }

    JobEngine start() {
        engine = new JobEngine(ds, new TestPlanner(dir, ds), () -> exports.add("export"), Clock.systemUTC());
        engine.start();
        return engine;
    }

    JobRecovery recovery() {
        return new JobRecovery(ds, TestSteps.kinds(ds), () -> exports.add("export"), Clock.systemUTC());
    }

    JobView await(String jobId) throws InterruptedException {
        java.util.concurrent.CountDownLatch end = new java.util.concurrent.CountDownLatch(1);
        try (Subscription s = engine.subscribe(jobId, e -> {
            if (e.type() == JobEvent.Type.END) {
                end.countDown();
            }
        })) {
            if (!end.await(1, java.util.concurrent.TimeUnit.MINUTES)) {
                throw new IllegalStateException("job " + jobId + " did not end");
            }
        }
        return engine.find(jobId).orElseThrow();
    }

    List<String> tables() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT table_name FROM information_schema.tables"
                     + " WHERE table_schema = 'PUBLIC' ORDER BY table_name")) {
            while (rs.next()) {
                out.add(rs.getString(1).toLowerCase(java.util.Locale.ROOT));
            }
        }
        return out;
    }

    List<String> registry() throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM test_registry ORDER BY id")) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Override
    public void close() {
        if (engine != null) {
            engine.close();
        }
        ds.close();
    }
}
