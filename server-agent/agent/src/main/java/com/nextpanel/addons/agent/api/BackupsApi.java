package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.jobs.JobAction;
import com.nextpanel.addons.agent.jobs.JobRequest;
import com.nextpanel.addons.agent.jobs.JobService;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Backups: {@code GET /agent/v1/backups} (the list), {@code POST /agent/v1/backups {"scope":"full"}} or
 * {@code {"scope":"addon","id"}} → 202 {@code {"jobId"}}, {@code POST /agent/v1/backups/{backupId}/restore}
 * → 202 {@code {"jobId"}}, {@code DELETE /agent/v1/backups/{backupId}} → 204. Taking and restoring are jobs like
 * any other.
 */
public final class BackupsApi implements ApiResource {

    private static final Pattern BACKUP_ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

    /** The body of {@code POST /agent/v1/backups}. */
    public record Body(String scope, String id) {
    }

    private final JobService jobs;
    private final Supplier<List<?>> backups;
    private final java.util.function.Consumer<String> delete;

    /** @param backups lists the backups for {@code GET} (each serialised as JSON as it is) */
    public BackupsApi(JobService jobs, Supplier<List<?>> backups) {
        this(jobs, backups, id -> {
            throw new AgentException(ErrorCode.NOT_FOUND, "no backup " + id);
        });
    }

    /** @param delete deletes a backup, or throws {@code NOT_FOUND} */
    public BackupsApi(JobService jobs, Supplier<List<?>> backups, java.util.function.Consumer<String> delete) {
        this.jobs = jobs;
        this.backups = backups;
        this.delete = delete;
    }

    @Override
    public List<Route> routes() {
        return List.of(
                Route.get("/agent/v1/backups", ex -> ex.ok(backups.get())),
                Route.post("/agent/v1/backups", ex -> {
                    Body body = ex.body(Body.class);
                    String scope = body.scope() == null ? "" : body.scope();
                    JobRequest request = switch (scope) {
                        case "full" -> {
                            if (body.id() != null) {
                                throw new AgentException(ErrorCode.BAD_REQUEST,
                                        "a full backup takes no 'id' (got '" + body.id() + "')");
                            }
                            yield new JobRequest(JobAction.BACKUP, "", Optional.empty(), true);
                        }
                        case "addon" -> new JobRequest(JobAction.BACKUP, AddonIds.check(body.id()), Optional.empty(),
                                true);
                        default -> throw new AgentException(ErrorCode.BAD_REQUEST,
                                "'scope' must be \"full\" or \"addon\": '" + scope + "'");
                    };
                    JobAccepted.answer(ex, jobs.submit(request));
                }),
                Route.post("/agent/v1/backups/{backupId}/restore", ex -> {
                    String backupId = ex.pathParam("backupId");
                    if (!BACKUP_ID.matcher(backupId).matches()) {
                        throw new AgentException(ErrorCode.BAD_REQUEST, "not a backup id: '" + backupId + "'");
                    }
                    JobAccepted.answer(ex, jobs.submit(new JobRequest(JobAction.RESTORE, backupId, Optional.empty(),
                            false)));
                }),
                Route.delete("/agent/v1/backups/{backupId}", ex -> {
                    String backupId = ex.pathParam("backupId");
                    if (!BACKUP_ID.matcher(backupId).matches()) {
                        throw new AgentException(ErrorCode.BAD_REQUEST, "not a backup id: '" + backupId + "'");
                    }
                    delete.accept(backupId);
                    ex.empty(204);
                }));
    }
}
