package com.nextpanel.addons.testsupport.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.testsupport.db.DatabaseTarget;
import com.nextpanel.addons.testsupport.db.OnEachDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(PostgresExtension.class)
class PostgresExtensionTest {

    private static final List<String> SEEN = new ArrayList<>();

    @Test
    void aRealPostgresServerAnswersOnLoopbackAsTheSuperuser(PostgresDatabase database) throws SQLException {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_user, current_database(), version()")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("postgres");
            assertThat(rs.getString(2)).isEqualTo(database.name());
            assertThat(rs.getString(3)).startsWith("PostgreSQL");
        }
        assertThat(database.jdbcUrl()).startsWith("jdbc:postgresql://127.0.0.1:");
    }

    @Test
    void theTestsOfOneClassShareOneDatabaseAndTheRunSharesOneCluster(PostgresDatabase database,
                                                                     PostgresCluster cluster) {
        assertThat(database.jdbcUrl()).isEqualTo(cluster.jdbcUrl(database.name()));
    }

    @Test
    void createdDatabasesAreDistinctAndEmpty(PostgresCluster cluster) throws SQLException {
        PostgresDatabase a = cluster.createDatabase("Some Test");
        PostgresDatabase b = cluster.createDatabase("Some Test");
        assertThat(a.name()).isNotEqualTo(b.name()).matches("[a-z0-9_]+");
        try (Connection c = a.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE only_in_a(id int)");
        }
        try (Connection c = b.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_tables WHERE tablename = 'only_in_a'")) {
            rs.next();
            assertThat(rs.getInt(1)).isZero();
        }
        cluster.dropDatabase(a);
        cluster.dropDatabase(b);
    }

    @OnEachDatabase
    void eachDatabaseTargetIsOfferedOnceWithTheAgentOptionsThatSelectIt(DatabaseTarget target) {
        SEEN.add(target.toString());
        if (target.isPostgres()) {
            assertThat(target.agentArgs()).containsSubsequence("--db-url", target.postgres().get().jdbcUrl())
                    .contains("--db-user");
        } else {
            assertThat(target.agentArgs()).isEmpty();
        }
        assertThat(SEEN).doesNotHaveDuplicates();
    }
}
