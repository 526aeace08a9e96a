package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import java.nio.file.Path;

/** Addon restore over another installed version, on H2: the user's rights on core tables are the backup's. */
class H2AddonRestoreGrantsTest extends AddonRestoreGrantsContract {

    @Override
    DatabaseConfig database(Path root) {
        return DatabaseConfig.h2In(root.resolve("data"));
    }
}
