package com.nextpanel.addons.agent.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobState;
import com.nextpanel.addons.agent.jobs.JobView;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

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

    /**
     * An H2 user belongs to the database, not to a schema, so dropping the schemas left the users a backup does not
     * have. The SIGKILL loop found it (seed -8799979157523817256): a full restore killed after its RUNSCRIPT had
     * created an addon's user, then undone from the safety backup, left that user behind. A restore now ends with
     * exactly the users of the backup.
     */
    @Test
    void aFullRestoreLeavesExactlyTheUsersOfTheBackup() throws Exception {
        assertThat(fx.run(JobRequest.install("greeter", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
        BackupFixture.Dump atBackup = fx.dump();
        assertThat(backupFull().state()).isEqualTo(JobState.SUCCEEDED);
        String backupId = onlyBackupId();
        fx.execute("CREATE USER addon_stray PASSWORD ''");
        assertThat(atBackup.catalog().differences(fx.dump().catalog())).anyMatch(d -> d.contains("users: addon_stray"));

        JobView restored = fx.run(new JobRequest(JobAction.RESTORE, backupId, Optional.empty(), false));

        assertThat(restored.state()).as("%s", restored).isEqualTo(JobState.SUCCEEDED);
        assertThat(significant(atBackup.catalog().differences(fx.dump().catalog()))).isEmpty();
    }
}
