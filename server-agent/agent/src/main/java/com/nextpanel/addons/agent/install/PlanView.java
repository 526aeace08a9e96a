package com.nextpanel.addons.agent.install;

import com.nextpanel.addons.agent.jobs.JobAction;
import java.util.List;
import java.util.Objects;

/**
 * What an action would do, answered by {@code POST /agent/v1/plan} before anything changes.
 *
 * @param action the action planned
 * @param id the requested addon
 * @param version the version it resolves to (or the installed one, for uninstall/disable/enable)
 * @param addons every addon touched, dependencies first, the requested one last
 * @param schemas the database schemas added (install), kept (update, disable, enable) or dropped (uninstall),
 *                e.g. {@code addon_ai_chatbot}
 * @param tables the migrations that would run (install, update: {@code addon_<id>/V2__sessions.sql}) or the
 *               schemas dropped with all their tables (uninstall)
 * @param routes the route prefixes added, kept or removed, e.g. {@code /api/v1/chat}
 * @param permissions the core permissions granted (install, update) or revoked (uninstall)
 * @param backup whether a backup is taken before the change
 */
public record PlanView(JobAction action, String id, String version, List<PlannedAddon> addons,
                       List<String> schemas, List<String> tables, List<String> routes, List<String> permissions,
                       boolean backup) {

    public PlanView {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        addons = List.copyOf(addons);
        schemas = List.copyOf(schemas);
        tables = List.copyOf(tables);
        routes = List.copyOf(routes);
        permissions = List.copyOf(permissions);
    }
}
