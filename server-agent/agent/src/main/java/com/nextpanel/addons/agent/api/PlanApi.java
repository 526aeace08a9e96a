package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.agent.install.PlanRequest;
import com.nextpanel.addons.agent.install.PlanService;
import com.nextpanel.addons.agent.install.PlanView;
import com.nextpanel.addons.agent.install.PlannedAddon;
import com.nextpanel.addons.agent.jobs.JobAction;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code POST /agent/v1/plan {"action","id","version"?}}: 200 with what the action would do (addons
 * dependencies first, schemas, tables, routes, permissions, backup), 409 with every reason where it cannot.
 */
public final class PlanApi implements ApiResource {

    private static final Set<JobAction> PLANNABLE = EnumSet.of(JobAction.INSTALL, JobAction.UPDATE,
            JobAction.UNINSTALL, JobAction.DISABLE, JobAction.ENABLE);

    /** The request body. */
    public record Body(String action, String id, String version) {
    }

    /** One addon of a plan on the wire; {@code action} says what happens to it. */
    public record Addon(String id, String version, String fromVersion, boolean dependency, String action) {
    }

    /** A plan on the wire; {@code action} lower case. */
    public record Plan(String action, String id, String version, List<Addon> addons, List<String> schemas,
                       List<String> tables, List<String> routes, List<String> permissions, boolean backup) {
    }

    private final PlanService plans;

    public PlanApi(PlanService plans) {
        this.plans = plans;
    }

    @Override
    public List<Route> routes() {
        return List.of(Route.post("/agent/v1/plan", ex -> {
            Body body = ex.body(Body.class);
            JobAction action = action(body.action());
            PlanView plan = plans.plan(new PlanRequest(action, AddonIds.check(body.id()),
                    AddonIds.checkVersion(body.version())));
            ex.ok(toWire(plan));
        }));
    }

    static Plan toWire(PlanView plan) {
        String action = plan.action().name().toLowerCase(Locale.ROOT);
        List<Addon> addons = plan.addons().stream().map((PlannedAddon a) -> new Addon(a.id(), a.version(),
                a.fromVersion().orElse(null), a.dependency(), action)).toList();
        return new Plan(action, plan.id(), plan.version(), addons, plan.schemas(), plan.tables(), plan.routes(),
                plan.permissions(), plan.backup());
    }

    private static JobAction action(String name) {
        if (name == null) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "'action' is required: one of " + names());
        }
        try {
            JobAction action = JobAction.valueOf(name.toUpperCase(Locale.ROOT));
            if (PLANNABLE.contains(action)) {
                return action;
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw new AgentException(ErrorCode.BAD_REQUEST, "unknown action '" + name + "': one of " + names());
    }

    private static List<String> names() {
        return PLANNABLE.stream().map(a -> a.name().toLowerCase(Locale.ROOT)).toList();
    }
}
