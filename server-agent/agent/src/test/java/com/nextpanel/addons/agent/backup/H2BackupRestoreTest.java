package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/** Backups and restore on the agent's default database: an H2 file in the data dir. */
class H2BackupRestoreTest extends BackupRestoreContract {

    @Override
    DatabaseConfig database(Path root) {
        return DatabaseConfig.h2In(root.resolve("data"));
    }

    /**
     * The indexes H2 creates by itself to back a constraint ({@code CONSTRAINT_INDEX_5}, {@code <fk>_INDEX_2}) get
     * new generated names when RUNSCRIPT recreates the constraints, or are shared with an index the script creates
     * first; the constraints themselves, and every named index, must match.
     */
    private static final Pattern GENERATED_INDEX = Pattern.compile("[+-] indexes: .*_INDEX_[0-9A-F]+ \\| INDEX");

    @Override
    List<String> significant(List<String> differences) {
        return differences.stream().filter(d -> !GENERATED_INDEX.matcher(d).matches()).toList();
    }

    @Override
    String expectedMethod() {
        return "h2-script";
    }
}
