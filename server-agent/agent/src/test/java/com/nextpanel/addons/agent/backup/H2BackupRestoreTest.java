package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import java.nio.file.Path;

/** Backups and restore on the agent's default database: an H2 file in the data dir. */
class H2BackupRestoreTest extends BackupRestoreContract {

    @Override
    DatabaseConfig database(Path root) {
        return DatabaseConfig.h2In(root.resolve("data"));
    }

    @Override
    String expectedMethod() {
        return "H2 SCRIPT";
    }
}
