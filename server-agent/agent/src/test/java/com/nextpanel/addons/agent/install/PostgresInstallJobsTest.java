package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.db.FreshPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The install contract on PostgreSQL: a fresh database of the run's throwaway cluster for every test. */
class PostgresInstallJobsTest extends InstallJobsContract {

    @RegisterExtension
    static final FreshPostgres POSTGRES = new FreshPostgres("install");

    @Override
    DatabaseConfig database(Path root) {
        return POSTGRES.newDatabase();
    }
}
