package com.nextpanel.addons.agent.crash;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * One crash case's server: a data dir and its database (the H2 file inside it, or a fresh PostgreSQL database
 * of the run's cluster, dropped by {@link #close}), and the signed catalog it installs from.
 */
record CrashCase(Path dataDir, DatabaseTarget db, CrashCatalog catalog, PostgresCluster cluster)
        implements AutoCloseable {

    /** @return a new case in {@code dataDir} on a fresh database of {@code kind} */
    static CrashCase fresh(Path dataDir, DatabaseTarget.Kind kind, CrashCatalog catalog, PostgresCluster cluster) {
        DatabaseTarget db = kind == DatabaseTarget.Kind.H2 ? DatabaseTarget.h2()
                : new DatabaseTarget(kind, java.util.Optional.of(cluster.createDatabase("crash")));
        return new CrashCase(dataDir, db, catalog, cluster);
    }

    /** @return a connection as the agent's database administrator (for H2 only while no agent runs) */
    Connection connect() throws SQLException {
        if (db.postgres().isPresent()) {
            return db.postgres().get().connect();
        }
        DatabaseConfig h2 = DatabaseConfig.h2In(dataDir);
        return DriverManager.getConnection(h2.jdbcUrl(), h2.user(), h2.password());
    }

    @Override
    public void close() {
        db.postgres().ifPresent(cluster::dropDatabase);
    }
}
