package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;

/** The journal across full backups and restores on the agent's default database, an H2 file. */
class H2FullRestoreJournalTest extends FullRestoreJournalContract {

    @Override
    DatabaseConfig database(Path root) {
        return DatabaseConfig.h2In(root.resolve("data"));
    }

    /** The agent's H2 dump before the journal was left out: {@code SCRIPT} of everything. */
    @Override
    String dumpWithJournal(Path dir) throws Exception {
        try (Connection c = fx.db.connection(); Statement s = c.createStatement()) {
            s.execute("SCRIPT NOPASSWORDS NOSETTINGS TO '" + dir.resolve(DatabaseDumps.FILE).toAbsolutePath() + "'");
        }
        return BackupManifest.H2_SCRIPT;
    }
}
