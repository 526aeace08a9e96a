package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.db.FreshPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Addon restore over another installed version, on PostgreSQL with pg_dump and psql. */
class PostgresAddonRestoreGrantsTest extends AddonRestoreGrantsContract {

    @RegisterExtension
    static final FreshPostgres POSTGRES = new FreshPostgres("grants");

    @Override
    DatabaseConfig database(Path root) {
        return POSTGRES.newDatabase();
    }
}
