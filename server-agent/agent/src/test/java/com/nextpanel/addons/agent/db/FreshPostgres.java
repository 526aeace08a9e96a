package com.nextpanel.addons.agent.db;

import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For the PostgreSQL subclasses of the database contracts ({@code @RegisterExtension static final FreshPostgres}):
 * the run's throwaway cluster, and a new database of it for each {@link #newDatabase()}.
 */
public final class FreshPostgres implements BeforeAllCallback {

    private final String prefix;
    private PostgresCluster cluster;

    public FreshPostgres(String prefix) {
        this.prefix = prefix;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = PostgresExtension.cluster(context);
    }

    /** @return how the agent logs in to a new database of the cluster, owned by its own user */
    public DatabaseConfig newDatabase() {
        PostgresDatabase db = cluster.createDatabase(prefix);
        return new DatabaseConfig(db.jdbcUrl(), db.user(), db.password());
    }
}
