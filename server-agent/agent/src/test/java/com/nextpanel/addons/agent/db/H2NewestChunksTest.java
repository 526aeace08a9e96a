package com.nextpanel.addons.agent.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which files {@link H2NewestChunks} scans. That the scan finds commits H2 alone loses is shown with halted child
 * JVMs in {@code H2JournalDurabilityTest}.
 */
class H2NewestChunksTest {

    @TempDir
    Path tmp;

    @Test
    void findsTheStoreFileOfEmbeddedUrlsOnly() {
        assertThat(H2NewestChunks.storeFile("jdbc:h2:file:/srv/agent/db/agent;AUTO_SERVER=FALSE;WRITE_DELAY=0"))
                .contains(Path.of("/srv/agent/db/agent.mv.db"));
        assertThat(H2NewestChunks.storeFile("jdbc:h2:/srv/x")).contains(Path.of("/srv/x.mv.db"));
        assertThat(H2NewestChunks.storeFile("jdbc:h2:~/data/np")).contains(
                Path.of(System.getProperty("user.home"), "data", "np.mv.db"));
        assertThat(H2NewestChunks.storeFile("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1")).isEmpty();
        assertThat(H2NewestChunks.storeFile("jdbc:h2:tcp://db:9092/agent")).isEmpty();
    }

    @Test
    void leavesAFileH2ReadsRightAlone() throws Exception {
        DatabaseConfig config = DatabaseConfig.h2In(tmp.resolve("live"));
        Path file = tmp.resolve("live").resolve("db").resolve("agent.mv.db");
        Path crashed = Files.createDirectories(tmp.resolve("crashed").resolve("db")).resolve("agent.mv.db");
        try (Database db = Database.open(config); Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY)");
            s.execute("INSERT INTO t VALUES (1)");
            Files.copy(file, crashed); // what a crash leaves: the file of an open database
        }
        assertThat(H2NewestChunks.cleanlyClosed(file)).isTrue();
        assertThat(H2NewestChunks.recoverIfUnclean(config.jdbcUrl())).isFalse();

        assertThat(H2NewestChunks.cleanlyClosed(crashed)).isFalse();
        byte[] before = Files.readAllBytes(crashed);
        DatabaseConfig atCrash = DatabaseConfig.h2In(tmp.resolve("crashed"));
        assertThat(H2NewestChunks.recoverIfUnclean(atCrash.jdbcUrl()))
                .as("H2 alone finds the newest state of a file whose chunks went to its end").isFalse();
        assertThat(Files.readAllBytes(crashed)).as("nothing is written when H2 reads the file right").isEqualTo(before);
        try (Database db = Database.open(atCrash); Connection c = db.connection(); Statement s = c.createStatement();
             var rs = s.executeQuery("SELECT COUNT(*) FROM t")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
        }
    }
}
