package com.nextpanel.addons.agent.backup;

import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobPlan;
import com.nextpanel.addons.agent.jobs.JobPlanner;
import com.nextpanel.addons.agent.jobs.JobRequest;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The engine's one planner: a full-scope {@code BACKUP} (empty addon id) and the {@code RESTORE} of a full backup
 * (a backup id the {@link FullBackupStore} knows) go to the full-backup planner; everything else, addon-scope
 * {@code BACKUP}/{@code RESTORE} included, to the other.
 */
public final class ActionRouter implements JobPlanner {

    private static final Pattern BACKUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    private final JobPlanner others;
    private final JobPlanner fullBackups;
    private final Predicate<String> isFullBackup;

    public ActionRouter(JobPlanner others, Backups fullBackups) {
        this(others, fullBackups, id -> BACKUP_ID.matcher(id).matches() && fullBackups.store().find(id).isPresent());
    }

    /** @param isFullBackup whether a backup id names a full backup (its restore goes to {@code fullBackups}) */
    public ActionRouter(JobPlanner others, JobPlanner fullBackups, Predicate<String> isFullBackup) {
        this.others = others;
        this.fullBackups = fullBackups;
        this.isFullBackup = isFullBackup;
    }

    private JobPlanner of(JobRequest request) {
        if (request.action() == JobAction.BACKUP && request.addonId().isEmpty()) {
            return fullBackups;
        }
        if (request.action() == JobAction.RESTORE && isFullBackup.test(request.addonId())) {
            return fullBackups;
        }
        return others;
    }

    @Override
    public void check(JobRequest request) {
        of(request).check(request);
    }

    @Override
    public JobPlan plan(String jobId, JobRequest request) {
        return of(request).plan(jobId, request);
    }
}
