package com.nextpanel.addons.agent.db;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * The agent's database: a HikariCP pool over H2 or PostgreSQL, and the {@link Dialect} so that code which
 * must differ (DDL for roles, backups) can ask which engine it talks to.
 */
public final class Database implements AutoCloseable {

    private final DatabaseConfig config;
    private final HikariDataSource pool;

    private Database(DatabaseConfig config, HikariDataSource pool) {
        this.config = config;
        this.pool = pool;
    }

    /**
     * Opens the pool and checks that the database answers.
     *
     * @throws AgentException {@link ErrorCode#INTERNAL} naming the URL when it cannot connect
     */
    public static Database open(DatabaseConfig config) {
        if (config.dialect() == Dialect.H2) {
            H2NewestChunks.recoverIfUnclean(config.jdbcUrl());
        }
        HikariConfig hikari = new HikariConfig();
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setPoolName("agent-db");
        hikari.setMaximumPoolSize(config.dialect() == Dialect.H2 ? 16 : 10);
        hikari.setMinimumIdle(1);
        hikari.setConnectionTimeout(10_000);
        hikari.setInitializationFailTimeout(10_000);
        try {
            return new Database(config, new HikariDataSource(hikari));
        } catch (RuntimeException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot open the database " + config.jdbcUrl()
                    + " as '" + config.user() + "': " + rootMessage(e), e);
        }
    }

    /** @return H2 or PostgreSQL */
    public Dialect dialect() {
        return config.dialect();
    }

    /** @return where the database is and who logs in (the password is available to code that makes new roles) */
    public DatabaseConfig config() {
        return config;
    }

    /** @return the pooled data source, connected as the agent's own (owner) user */
    public DataSource dataSource() {
        return pool;
    }

    /** @return a pooled connection; the caller closes it */
    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    @Override
    public void close() {
        pool.close();
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
