package com.nextpanel.addons.agent.db;

import java.util.Locale;

/** The database engines the agent runs on. */
public enum Dialect {
    /** Embedded H2 file in the data dir (the default). */
    H2,
    /** PostgreSQL through {@code --db-url jdbc:postgresql://...} (production). */
    POSTGRESQL;

    /**
     * @param jdbcUrl a JDBC URL
     * @return the dialect it names
     * @throws IllegalArgumentException for any other engine, naming the URL's scheme
     */
    public static Dialect of(String jdbcUrl) {
        String lower = jdbcUrl.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (lower.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        int end = lower.indexOf(':', 5);
        String scheme = end > 0 ? jdbcUrl.substring(0, end) : jdbcUrl;
        throw new IllegalArgumentException("unsupported database URL '" + scheme
                + "...': expected jdbc:postgresql://HOST:PORT/DB (or none for the embedded H2 file)");
    }
}
