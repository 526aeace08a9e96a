package com.nextpanel.addons.agent.jobs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/** Real steps for engine tests: they write real files and real tables, and undo them. */
final class TestSteps {

    private TestSteps() {
    }

    static StepKinds kinds(DataSource ds) {
        return new StepKinds()
                .register("test.file", r -> new FileStep(r))
                .register("test.table", r -> new TableStep(ds, r))
                .register("test.commit", r -> new RegistryCommit(r))
                .register("test.cleanup", r -> new CleanupStep(r))
                .register("test.check", r -> new CheckStep(r));
    }

    static Map<String, String> rec(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    abstract static class Base implements Step {
        final Map<String, String> record;

        Base(Map<String, String> record) {
            this.record = Map.copyOf(record);
        }

        @Override
        public String name() {
            return record.get("name");
        }

        @Override
        public Map<String, String> record() {
            return record;
        }

        void maybeFail() {
            if ("true".equals(record.get("fail"))) {
                throw new IllegalStateException(name() + " was told to fail");
            }
        }
    }

    /** Creates a file (and its directory); undo deletes both. */
    static final class FileStep extends Base {
        FileStep(Map<String, String> record) {
            super(record);
        }

        @Override
        public String kind() {
            return "test.file";
        }

        @Override
        public String run(StepContext context) throws IOException {
            Path file = Path.of(record.get("path"));
            Files.createDirectories(file.getParent());
            Files.writeString(file, "payload");
            maybeFail();
            context.progress(100, "wrote " + file.getFileName());
            return "wrote " + file.getFileName();
        }

        @Override
        public String undo(StepContext context) throws IOException {
            Path file = Path.of(record.get("path"));
            Files.deleteIfExists(file);
            Files.deleteIfExists(file.getParent());
            return "deleted " + file.getFileName();
        }
    }

    /** Creates a table; undo drops it. Optionally waits on a latch first (queueing tests). */
    static final class TableStep extends Base {
        static final Map<String, CountDownLatch> GATES = new java.util.concurrent.ConcurrentHashMap<>();
        static final List<String> RAN = new java.util.concurrent.CopyOnWriteArrayList<>();
        private final DataSource ds;

        TableStep(DataSource ds, Map<String, String> record) {
            super(record);
            this.ds = ds;
        }

        @Override
        public String kind() {
            return "test.table";
        }

        @Override
        public String run(StepContext context) throws Exception {
            RAN.add(record.get("table"));
            CountDownLatch gate = GATES.get(record.get("table"));
            if (gate != null && !gate.await(1, TimeUnit.MINUTES)) {
                throw new IllegalStateException("gate never opened");
            }
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE " + record.get("table") + " (id INT PRIMARY KEY)");
                HaltSwitch.check(context.action(), name(), "mid");
                s.execute("INSERT INTO " + record.get("table") + " VALUES (1)");
            }
            maybeFail();
            return "created " + record.get("table");
        }

        @Override
        public String undo(StepContext context) throws SQLException {
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP TABLE IF EXISTS " + record.get("table"));
            }
            return "dropped " + record.get("table");
        }
    }

    /** Adds a row to test_registry in the commit transaction. */
    static final class RegistryCommit extends Base implements CommitStep {
        RegistryCommit(Map<String, String> record) {
            super(record);
        }

        @Override
        public String kind() {
            return "test.commit";
        }

        @Override
        public String commit(Connection tx, StepContext context) throws SQLException {
            try (PreparedStatement ps = tx.prepareStatement("INSERT INTO test_registry (id) VALUES (?)")) {
                ps.setString(1, record.get("id"));
                ps.executeUpdate();
            }
            return "registered " + record.get("id");
        }
    }

    /** After the commit: deletes a file (idempotent). */
    static final class CleanupStep extends Base {
        CleanupStep(Map<String, String> record) {
            super(record);
        }

        @Override
        public String kind() {
            return "test.cleanup";
        }

        @Override
        public String run(StepContext context) throws IOException {
            Files.deleteIfExists(Path.of(record.get("path")));
            return "removed old marker";
        }

        @Override
        public String undo(StepContext context) {
            return "nothing";
        }
    }

    /** A check that changes nothing, e.g. a download verification; fails when told to. */
    static final class CheckStep extends Base {
        CheckStep(Map<String, String> record) {
            super(record);
        }

        @Override
        public String kind() {
            return "test.check";
        }

        @Override
        public String run(StepContext context) {
            maybeFail();
            return "checked";
        }

        @Override
        public String undo(StepContext context) {
            return "nothing";
        }

        @Override
        public boolean changesServer() {
            return false;
        }
    }
}
