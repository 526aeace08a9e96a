package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.jobs.JobRecovery;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts back, at start and before anything migrates, a database that a restore was replacing when the agent died.
 *
 * <p>On H2 loading a full backup is not one transaction (H2 commits every DDL statement): a process that dies
 * between the restore's drops and the end of its {@code RUNSCRIPT}, or while a rollback loads the safety backup
 * back, leaves a torn database. The start's migrations would refuse it (schema {@code agent} holds the journal but
 * no longer Flyway's history table, so the agent could not start and recovery never ran) or build on it. So before
 * the migrations, the database alone is loaded from that restore's safety backup; recovery then undoes the restore
 * as for any other interruption (loading the safety backup again, with the addon files and the registry), so the
 * job reads ROLLED_BACK with its undone steps, and deletes the interrupted restore's scripts. On PostgreSQL a restore is one transaction: nothing to repair.
 */
public final class InterruptedRestoreRepair {

    private static final Logger LOG = LoggerFactory.getLogger(InterruptedRestoreRepair.class);

    private InterruptedRestoreRepair() {
    }

    /**
     * @return what was repaired, one line per safety backup loaded (empty when no restore was interrupted)
     * @throws AgentException {@link ErrorCode#INTERNAL} when the safety backup cannot be loaded: the agent must not
     *                        start on a torn database
     */
    public static List<String> repair(DataSource dataSource) {
        DatabaseDumps database = new DatabaseDumps(dataSource);
        if (!database.h2()) {
            return List.of();
        }
        Set<Path> safeties = new LinkedHashSet<>();
        for (Map<String, String> record : JobRecovery.interruptedSteps(dataSource, BackupSteps.Op.RESTORE.kind)) {
            String safety = record.get("safety");
            if (safety != null && Files.exists(Path.of(safety).resolve(BackupManifest.FILE))) {
                safeties.add(Path.of(safety));
            }
        }
        List<String> done = new ArrayList<>();
        for (Path safety : safeties) {
            try {
                BackupManifest m = BackupManifest.read(safety);
                String how = database.restore(safety, m.method(), m.roles(), () -> { });
                String line = "an interrupted restore had left the database partly replaced; loaded it back from the"
                        + " safety backup " + safety.getFileName() + " (" + how + ") before migrating";
                LOG.warn(line);
                done.add(line);
            } catch (Exception e) {
                throw new AgentException(ErrorCode.INTERNAL, "an interrupted restore left the database partly"
                        + " replaced, and loading it back from the safety backup " + safety + " failed: "
                        + e.getMessage() + "; restore that backup by hand before starting the agent", e);
            }
        }
        return done;
    }
}
