package com.nextpanel.addons.agent.db;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Where the agent's database is and how to log in.
 *
 * @param jdbcUrl  the JDBC URL
 * @param user     the user (owner of the {@code billing} schema; on PostgreSQL it must be able to create
 *                 schemas and roles for the addons)
 * @param password the password, empty for none
 */
public record DatabaseConfig(String jdbcUrl, String user, String password) {

    /** The H2 user that owns the embedded database. */
    public static final String H2_USER = "agent";

    public DatabaseConfig {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(password, "password");
        Dialect.of(jdbcUrl);
    }

    /**
     * The default: an H2 file {@code DIR/db/agent.mv.db}. Unquoted identifiers are lower case
     * ({@code DATABASE_TO_LOWER}) so schema and table names read the same as on PostgreSQL
     * ({@code billing.customers}, {@code addon_<id>}), and no other process may open the file
     * ({@code AUTO_SERVER=FALSE}).
     */
    public static DatabaseConfig h2In(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("db").resolve("agent");
        return new DatabaseConfig("jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE;DATABASE_TO_LOWER=TRUE",
                H2_USER, "");
    }

    /** @return the engine the URL names */
    public Dialect dialect() {
        return Dialect.of(jdbcUrl);
    }

    @Override
    public String toString() {
        return "DatabaseConfig[" + jdbcUrl + ", user=" + user + "]";
    }
}
