package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobRequest;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Runs one real job in its own JVM on an existing fixture root (H2 file), for crash tests: with
 * {@code -Dnextpanel.test.haltAt=...} it dies there with status 137. Arguments: root, action, addon id.
 */
public final class CrashingJobMain {

    private CrashingJobMain() {
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(args[0]);
        try (InstallFixture fx = new InstallFixture(root, DatabaseConfig.h2In(root.resolve("data")), false)) {
            JobAction action = JobAction.valueOf(args[1]);
            System.out.println("ended " + fx.run(new JobRequest(action, args[2], Optional.empty(),
                    action == JobAction.UPDATE)).state());
        }
        System.exit(0);
    }
}
