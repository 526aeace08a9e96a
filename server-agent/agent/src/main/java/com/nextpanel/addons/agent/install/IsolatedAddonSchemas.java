package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.isolation.AddonDatabase;
import com.nextpanel.addons.agent.isolation.AddonDatabases;
import com.nextpanel.addons.agent.isolation.MigrationResult;
import com.nextpanel.addons.agent.jobs.HaltSwitch;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * {@link AddonSchemas} over the isolation package: each addon's own schema and database role, grants from its
 * permissions, Flyway as the addon's role.
 */
public final class IsolatedAddonSchemas implements AddonSchemas {

    private final AddonDatabases databases;

    public IsolatedAddonSchemas(AddonDatabases databases) {
        this.databases = databases;
    }

    @Override
    public String migrate(String id, List<String> permissions, Path migrationsDir) {
        databases.checkForeignKeys(id, permissions, migrationsDir); // before anything changes
        AddonDatabase db = databases.provision(id, permissions);
        if (HaltSwitch.armedAt("migrate", "mid")) {
            migrateFirstPendingThenHalt(db, migrationsDir);
        }
        MigrationResult result = databases.migrate(db, migrationsDir);
        return "schema " + db.schema() + " (role " + db.role() + "): applied " + result.applied().size()
                + " migration(s)" + (result.applied().isEmpty() ? "" : " " + result.applied())
                + result.version().map(v -> ", now at version " + v).orElse("");
    }

    /**
     * Test-only ({@link HaltSwitch}): applies the migrations one file at a time until one was applied, then halts
     * if the switch names this job's action; so the process dies between two migrations of one run.
     */
    private void migrateFirstPendingThenHalt(AddonDatabase db, Path migrationsDir) {
        if (!Files.isDirectory(migrationsDir)) {
            return;
        }
        try (Stream<Path> files = Files.list(migrationsDir)) {
            List<Path> sorted = files.filter(p -> p.getFileName().toString().endsWith(".sql"))
                    .sorted(java.util.Comparator.comparing(IsolatedAddonSchemas::versionOf)).toList();
            Path partial = Files.createTempDirectory("migrate-mid");
            for (Path file : sorted) {
                Files.copy(file, partial.resolve(file.getFileName()));
                if (!databases.migrate(db, partial).applied().isEmpty()) {
                    HaltSwitch.check(MigrationHalt.currentAction(), "migrate", "mid");
                    return;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static java.math.BigDecimal versionOf(Path file) {
        String name = file.getFileName().toString();
        String v = name.substring(1, Math.max(1, name.indexOf("__"))).replace('_', '.');
        try {
            String[] parts = v.split("\\.");
            return new java.math.BigDecimal(parts[0] + (parts.length > 1 ? "." + parts[1] : ""));
        } catch (NumberFormatException e) {
            return java.math.BigDecimal.ZERO;
        }
    }

    @Override
    public boolean exists(String id) {
        return databases.exists(id);
    }

    @Override
    public void drop(String id) {
        databases.drop(id);
    }

    @Override
    public DataSource dataSource(String id) {
        return databases.dataSource(id);
    }

    @Override
    public void close(String id) {
        databases.close(id);
    }
}
