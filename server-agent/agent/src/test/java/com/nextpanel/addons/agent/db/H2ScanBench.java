package com.nextpanel.addons.agent.db;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * A bench runner (not a test): what {@link H2NewestChunks} adds to a start after a crash, by file size. For each
 * size, the agent's H2 database is filled (rows of 8 KB, some deleted again, so the file has free space) and its
 * file copied while it is open, which is the file a crash leaves (no clean mark); each copy is then scanned, and
 * the time is printed with the time H2 then takes to open it (H2's own open, which after a crash also reads chunks). Run with the test class path:
 * {@code java -cp ... com.nextpanel.addons.agent.db.H2ScanBench [MB ...]} (default 16 64 256).
 */
public final class H2ScanBench {

    private H2ScanBench() {
    }

    public static void main(String[] args) throws Exception {
        List<Integer> sizes = new ArrayList<>();
        for (String a : args.length > 0 ? args : new String[] {"16", "64", "256"}) {
            sizes.add(Integer.parseInt(a));
        }
        for (int mb : sizes) {
            Path dir = Files.createTempDirectory("h2-scan-bench");
            DatabaseConfig config = DatabaseConfig.h2In(dir);
            Path file = dir.resolve("db").resolve("agent.mv.db");
            List<Path> crashed = new ArrayList<>();
            try (Database db = Database.open(config); Connection c = db.connection();
                 Statement s = c.createStatement()) {
                s.execute("CREATE TABLE rows_8k (id INT PRIMARY KEY, payload VARCHAR(9000))");
                String payload = "z".repeat(8000);
                int id = 0;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rows_8k VALUES (?, ?)")) {
                    while (Files.size(file) < mb * 1024L * 1024L) {
                        for (int i = 0; i < 100; i++) {
                            ps.setInt(1, id++);
                            ps.setString(2, payload);
                            ps.executeUpdate();
                        }
                        s.execute("DELETE FROM rows_8k WHERE MOD(id, 3) = 0 AND id > " + (id - 100));
                    }
                }
                for (int i = 0; i < 3; i++) {
                    Path copy = Files.createDirectories(dir.resolve("crash-" + i).resolve("db"));
                    Files.copy(file, copy.resolve("agent.mv.db"));
                    crashed.add(copy.getParent());
                }
            }
            for (Path crash : crashed) {
                DatabaseConfig at = DatabaseConfig.h2In(crash);
                long size = Files.size(crash.resolve("db").resolve("agent.mv.db"));
                long t0 = System.nanoTime();
                boolean scanned = H2NewestChunks.recoverIfUnclean(at.jdbcUrl());
                long t1 = System.nanoTime();
                try (Connection c = java.sql.DriverManager.getConnection(at.jdbcUrl(), at.user(), at.password())) {
                    c.isValid(1); // H2's own open, without the scan Database.open does
                }
                long t2 = System.nanoTime();
                System.out.printf("H2 file %d MB: scanned %s in %d ms, then opened in %d ms%n", size >> 20, scanned,
                        (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
            }
        }
    }
}
