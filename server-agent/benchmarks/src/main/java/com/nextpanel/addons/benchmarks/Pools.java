package com.nextpanel.addons.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;

/** Connection pools for the floor measurements, configured like the agent's own (HikariCP). */
final class Pools {

    private Pools() {
    }

    /** An H2 file database with the agent's URL settings. */
    static HikariDataSource h2(Path file) {
        return pool("jdbc:h2:file:" + file.toAbsolutePath() + ";AUTO_SERVER=FALSE;DATABASE_TO_LOWER=TRUE", "sa", "");
    }

    static HikariDataSource pool(String url, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(4);
        config.setPoolName("bench-floor");
        return new HikariDataSource(config);
    }
}
