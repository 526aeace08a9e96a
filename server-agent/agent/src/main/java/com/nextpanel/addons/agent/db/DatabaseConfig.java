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
        if (Dialect.of(jdbcUrl) == Dialect.H2 && !hasSetting(jdbcUrl, "WRITE_DELAY")) {
            jdbcUrl = jdbcUrl + ";WRITE_DELAY=0";
        }
    }

    /**
     * H2 stores a committed transaction in the background up to {@code WRITE_DELAY} ms later (500 by default), so a
     * process that halts right after a commit it acknowledged can lose it. {@code SET WRITE_DELAY 0} is not enough:
     * H2 applies the URL's value (or the default) again every time it opens the database, after the persisted
     * setting, and it opens it again whenever a pool's last connection has closed. In the URL, every open applies
     * it; with 0, every commit stores the MVStore before it returns.
     */
    private static boolean hasSetting(String url, String key) {
        for (String part : url.split(";")) {
            if (part.split("=", 2)[0].trim().equalsIgnoreCase(key)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The default: an H2 file {@code DIR/db/agent.mv.db}. Unquoted identifiers are lower case
     * ({@code DATABASE_TO_LOWER}) so schema and table names read the same as on PostgreSQL
     * ({@code billing.customers}, {@code addon_<id>}), no other process may open the file
     * ({@code AUTO_SERVER=FALSE}), and a commit is stored before it returns ({@code WRITE_DELAY=0}, which every H2
     * URL gets unless it names its own: see {@link #hasSetting}).
     */
    public static DatabaseConfig h2In(Path dataDir) {
        Path file = dataDir.toAbsolutePath().resolve("db").resolve("agent");
        return new DatabaseConfig("jdbc:h2:file:" + file + ";AUTO_SERVER=FALSE;DATABASE_TO_LOWER=TRUE;WRITE_DELAY=0",
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
