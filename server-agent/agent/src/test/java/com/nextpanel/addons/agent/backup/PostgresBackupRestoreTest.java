package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.db.FreshPostgres;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Backups and restore on PostgreSQL (pg_dump and psql): a fresh database of the run's cluster for every test. */
class PostgresBackupRestoreTest extends BackupRestoreContract {

    @RegisterExtension
    static final FreshPostgres POSTGRES = new FreshPostgres("backup");

    @Override
    DatabaseConfig database(Path root) {
        return POSTGRES.newDatabase();
    }

    /**
     * pg_dump writes a CHECK with an IN list as {@code = ANY (ARRAY[...])}, and PostgreSQL deparses the replayed one
     * with the casts in other places; a + and - pair that is equal without casts and parentheses is the same
     * constraint.
     */
    @Override
    List<String> significant(List<String> differences) {
        List<String> out = new ArrayList<>(differences);
        for (String plus : differences) {
            if (!plus.startsWith("+ constraints:")) {
                continue;
            }
            for (String minus : differences) {
                if (minus.startsWith("- constraints:") && bare(minus.substring(1)).equals(bare(plus.substring(1)))) {
                    out.remove(plus);
                    out.remove(minus);
                }
            }
        }
        return out;
    }

    private static String bare(String constraint) {
        return constraint.replaceAll("::[a-z ]+(\\[\\])?", "").replaceAll("[()\\s]", "");
    }

    @Override
    String expectedMethod() {
        return "pg_dump";
    }
}
