package com.nextpanel.addons.testsupport.db;

import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Which database an end-to-end test runs the agent on: the embedded H2 file (the agent's default) or
 * a fresh database in the run's throwaway PostgreSQL cluster. Use {@link OnEachDatabase} to run one test
 * on both, or {@link #h2()} / {@link #postgres(ExtensionContext)} from two subclasses of an abstract test.
 *
 * @param kind     the engine
 * @param postgres the PostgreSQL database, present exactly when {@code kind} is {@link Kind#POSTGRESQL}
 */
public record DatabaseTarget(Kind kind, Optional<PostgresDatabase> postgres) {

    /** The engines every end-to-end test covers. */
    public enum Kind { H2, POSTGRESQL }

    public DatabaseTarget {
        if ((kind == Kind.POSTGRESQL) != postgres.isPresent()) {
            throw new IllegalArgumentException("a PostgreSQL target needs its database, an H2 target none");
        }
    }

    /** @return the agent's default: an H2 file inside its data dir */
    public static DatabaseTarget h2() {
        return new DatabaseTarget(Kind.H2, Optional.empty());
    }

    /** @return a PostgreSQL target on a fresh database of the run's cluster, dropped after the test */
    public static DatabaseTarget postgres(ExtensionContext context) {
        PostgresDatabase database = PostgresExtension.freshDatabase(context);
        return new DatabaseTarget(Kind.POSTGRESQL, Optional.of(database));
    }

    /**
     * @return the agent command-line options that select this database: none for H2,
     *         {@code --db-url URL --db-user USER} (and {@code --db-password} when not empty) for PostgreSQL
     */
    public List<String> agentArgs() {
        return postgres.map(db -> db.password().isEmpty()
                        ? List.of("--db-url", db.jdbcUrl(), "--db-user", db.user())
                        : List.of("--db-url", db.jdbcUrl(), "--db-user", db.user(), "--db-password", db.password()))
                .orElse(List.of());
    }

    /** @return true for PostgreSQL */
    public boolean isPostgres() {
        return kind == Kind.POSTGRESQL;
    }

    @Override
    public String toString() {
        return kind == Kind.H2 ? "H2" : "PostgreSQL";
    }
}
