package com.nextpanel.addons.agent.backup;

import static org.assertj.core.api.Assertions.assertThat;

import com.nextpanel.addons.agent.db.DatabaseConfig;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobState;
import com.nextpanel.addons.agent.jobs.JobView;
import com.nextpanel.addons.agent.jobs.StepContext;
import com.nextpanel.addons.testsupport.fixtures.TestAddonBuilder;
import com.nextpanel.addons.testsupport.postgres.PostgresCluster;
import com.nextpanel.addons.testsupport.postgres.PostgresDatabase;
import com.nextpanel.addons.testsupport.postgres.PostgresExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A full restore killed inside its {@code restore} step (found by the crash suite's SIGKILL loop on PostgreSQL):
 * recovery undoes the step by putting the safety backup back, and must also drop the addon roles the restore had
 * created (roles are the cluster's, no dump brings them back) and delete the script the restore had written next to
 * the backups. Here the steps run in process as the job had run them, and the undo as recovery runs it.
 */
@ExtendWith(PostgresExtension.class)
class InterruptedRestoreUndoTest {

    @TempDir
    Path root;

    private record Recovering(String jobId) implements StepContext {
        @Override
        public JobAction action() {
            return JobAction.RESTORE;
        }

        @Override
        public boolean recovering() {
            return true;
        }

        @Override
        public void progress(int percent, String message) {
        }

        @Override
        public void log(String message) {
        }
    }

    @Test
    void undoingARestoreKilledInItsRestoreStepDropsTheRolesItCreatedAndDeletesItsScript(PostgresCluster cluster)
            throws Exception {
        PostgresDatabase pg = cluster.createDatabase("undo");
        try (BackupFixture fx = new BackupFixture(root, new DatabaseConfig(pg.jdbcUrl(), pg.user(), pg.password()))) {
            fx.publish(TestAddonBuilder.addon("greeter").version("1.0.0")
                    .migration("V1__init.sql", "CREATE TABLE greeting (id INT PRIMARY KEY, text VARCHAR(50));")
                    .queryRoute("/api/v1/greeter/count", "SELECT COUNT(*) FROM greeting"));
            assertThat(fx.run(JobRequest.install("greeter", Optional.empty())).state()).isEqualTo(JobState.SUCCEEDED);
            JobView backup = fx.run(new JobRequest(JobAction.BACKUP, "", Optional.empty(), true));
            assertThat(backup.state()).isEqualTo(JobState.SUCCEEDED);
            Backups b = fx.jobs.backupStore();
            BackupManifest m = b.store.list().get(0);
            Collection<String> roles = m.roles().values();
            assertThat(roles).isNotEmpty();
            assertThat(fx.run(JobRequest.uninstall("greeter")).state()).isEqualTo(JobState.SUCCEEDED);
            assertThat(existing(fx, roles)).as("uninstall dropped the addon's role").isZero();
            BackupFixture.Dump before = fx.dump();

            // what the restore job had done when it was killed inside its restore step: its safety backup, then
            // the first things DatabaseDumps.restore does, the backup's missing roles created and the psql script
            // written; psql had not finished, so the registry does not list greeter yet (had it finished, putting
            // the safety backup back would uninstall greeter, role included)
            Path safety = b.store.root().resolve(".safety-test");
            StepContext job = new Recovering("test");
            new BackupSteps.OpStep(b, BackupSteps.Op.SAFETY, Map.of("dir", safety.toString())).run(job);
            BackupSteps.OpStep restore = new BackupSteps.OpStep(b, BackupSteps.Op.RESTORE,
                    Map.of("backupId", m.backupId(), "safety", safety.toString()));
            b.database.createMissingRoles(roles);
            assertThat(existing(fx, roles)).as("the restore created the role").isEqualTo(roles.size());
            Path script = Files.writeString(b.store.root().resolve("restore4242.sql"), "-- written, then killed");

            String undone = restore.undo(job);

            assertThat(existing(fx, roles)).as("the roles the restore created: %s", undone).isZero();
            assertThat(script).doesNotExist();
            assertThat(undone).contains("dropped the roles the restore had created").contains("restore4242.sql");
            assertThat(fx.dump().rows()).isEqualTo(before.rows());
            assertThat(fx.jobs.installed().list()).isEmpty();
        } finally {
            cluster.dropDatabase(pg);
        }
    }

    private static int existing(BackupFixture fx, Collection<String> roles) throws Exception {
        int n = 0;
        try (Connection c = fx.db.connection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
            for (String role : roles) {
                ps.setString(1, role);
                try (ResultSet rs = ps.executeQuery()) {
                    n += rs.next() ? 1 : 0;
                }
            }
        }
        return n;
    }
}
