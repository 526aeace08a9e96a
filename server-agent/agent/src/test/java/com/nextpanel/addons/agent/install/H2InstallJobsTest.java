package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import java.nio.file.Path;

/** The install contract on the agent's default database: an H2 file in the data dir. */
class H2InstallJobsTest extends InstallJobsContract {

    @Override
    DatabaseConfig database(Path root) {
        return DatabaseConfig.h2In(root.resolve("data"));
    }
}
