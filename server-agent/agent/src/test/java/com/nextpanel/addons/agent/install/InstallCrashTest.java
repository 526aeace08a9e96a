package com.nextpanel.addons.agent.install;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.isolation.DatabaseCatalogSnapshot;
import com.nextpanel.addons.agent.jobs.HaltSwitch;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobState;
import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.agent.registry.InstalledAddon;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Kills a real agent JVM (the test-only halt switch) at step boundaries of real install, update and uninstall jobs,
 * and in the middle of a migration, then starts again on the same H2 file and data dir: the registry, routes,
 * database catalog, rows and files equal the state before the job or the state after it, and the job reads
 * ROLLED_BACK, FAILED or SUCCEEDED.
 */
class InstallCrashTest {

    private static final java.util.Map<JobAction, World> AFTER = new java.util.concurrent.ConcurrentHashMap<>();

    @TempDir
    Path root;

    /** The state that must be exactly "before" or exactly "after". */
    record World(DatabaseCatalogSnapshot catalog, List<String> files, List<String> registry, List<String> rows,
                 int routeStatus) {
    }

    static TestAddonBuilder greeter(String version) {
        TestAddonBuilder b = TestAddonBuilder.addon("greeter").version(version)
                .migration("V1__init.sql", "CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(50));")
                .migration("V2__seed.sql", "INSERT INTO greeting (id, text) VALUES (1, 'hello');")
                .queryRoute("/api/v1/greeter/count", "SELECT COUNT(*) FROM greeting");
        if (version.equals("1.1.0")) {
            b.migration("V3__mood.sql", "ALTER TABLE greeting ADD COLUMN mood VARCHAR(20) DEFAULT 'calm' NOT NULL;")
                    .migration("V4__more.sql", "INSERT INTO greeting (id, text) VALUES (2, 'updated');");
        }
        return b;
    }

    World world(InstallFixture fx) throws Exception {
        List<String> rows = fx.jobs.installed().find("greeter").isPresent()
                ? fx.query("SELECT id || ':' || text FROM addon_greeter.greeting ORDER BY id") : List.of();
        return new World(fx.catalogSnapshot(), fx.addonFiles(),
                fx.jobs.installed().list().stream().map(a -> a.id() + " " + a.version() + " " + a.state()).toList(),
                rows, fx.get("/api/v1/greeter/count").getStatus());
    }

    @ParameterizedTest(name = "{0} halted at {1}")
    @CsvSource({
        "INSTALL, stage:after, before",
        "INSTALL, migrate:mid, before",
        "INSTALL, activate:after, before",
        "INSTALL, commit:before, before",
        "INSTALL, commit:after, after",
        "UPDATE, backup:after, before",
        "UPDATE, migrate:mid, before",
        "UPDATE, activate:after, before",
        "UPDATE, commit:after, after",
        "UPDATE, cleanup:before, after",
        "UNINSTALL, deactivate:after, before",
        "UNINSTALL, commit:after, after",
        "UNINSTALL, drop:after, after",
    })
    void aJobKilledAtAnyPointLeavesTheServerExactlyAsBeforeOrExactlyAsAfter(JobAction action, String point,
                                                                            String expected) throws Exception {
        World before;
        World after = AFTER.get(action);
        if (after == null) {
            // the "after" world comes from a twin root where the same job runs to its end (once per action)
            Path twin = Files.createDirectories(root.resolve("twin"));
            try (InstallFixture reference = prepare(twin, DatabaseConfig.h2In(twin.resolve("data")), action)) {
                assertThat(reference.run(new JobRequest(action, "greeter", Optional.empty(),
                        action == JobAction.UPDATE)).state()).isEqualTo(JobState.SUCCEEDED);
                after = world(reference);
            }
            AFTER.put(action, after);
        }
        Path main = Files.createDirectories(root.resolve("main"));
        DatabaseConfig db = DatabaseConfig.h2In(main.resolve("data"));
        try (InstallFixture fx = prepare(main, db, action)) {
            before = world(fx);
        }

        int exit = runHalting(main, action, action.name().toLowerCase(java.util.Locale.ROOT) + ":" + point);
        assertThat(exit).as("the agent must have halted at %s", point).isEqualTo(137);

        try (InstallFixture fx = new InstallFixture(main, db, false)) {
            World now = world(fx);
            JobView job = fx.jobs.jobs().recent(1).get(0);
            if (expected.equals("before")) {
                assertThat(job.state()).isIn(JobState.ROLLED_BACK, JobState.FAILED);
                assertSame(now, before);
            } else {
                assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
                assertSame(now, after);
            }
            assertThat(fx.jobs.jobs().recent(10)).noneMatch(j -> j.state() == JobState.RUNNING);
        }
    }

    private static void assertSame(World now, World expected) {
        assertThat(expected.catalog().differences(now.catalog())).isEmpty();
        assertThat(now.files()).isEqualTo(expected.files());
        assertThat(now.registry()).isEqualTo(expected.registry());
        assertThat(now.rows()).isEqualTo(expected.rows());
        assertThat(now.routeStatus()).isEqualTo(expected.routeStatus());
    }

    /** A fixture with greeter 1.0.0 and 1.1.0 published, and 1.0.0 installed unless the job is the install. */
    private InstallFixture prepare(Path dir, DatabaseConfig db, JobAction action) throws Exception {
        InstallFixture fx = new InstallFixture(dir, db);
        fx.publish(greeter("1.0.0"));
        if (action != JobAction.INSTALL) {
            assertThat(fx.run(new JobRequest(JobAction.INSTALL, "greeter", Optional.of("1.0.0"), false)).state())
                    .isEqualTo(JobState.SUCCEEDED);
        }
        fx.publish(greeter("1.1.0"));
        return fx;
    }

    private int runHalting(Path dir, JobAction action, String point) throws Exception {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-D" + HaltSwitch.PROPERTY + "=" + point);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(CrashingJobMain.class.getName());
        cmd.add(dir.toString());
        cmd.add(action.name());
        cmd.add("greeter");
        Path log = dir.resolve("child.log");
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IllegalStateException("child did not end: " + Files.readString(log));
        }
        if (p.exitValue() != 137) {
            System.err.println(Files.readString(log));
        }
        return p.exitValue();
    }
}
