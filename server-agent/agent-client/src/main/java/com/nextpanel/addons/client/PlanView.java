package com.nextpanel.addons.client;

import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.util.List;
import java.util.Optional;

/**
 * What an action would do, from {@code POST /agent/v1/plan} (200): the addons it installs, updates or
 * removes (dependencies first), the tables it creates or drops, the route prefixes it adds or removes,
 * the permissions it grants, whether it takes a backup first, and — for uninstall — how many rows the
 * tables hold ({@code rows}, -1 when the agent did not say). A plan that cannot be carried out is a
 * 409 instead, raised as {@link AgentClientException} with the reasons.
 */
public record PlanView(
        String action,
        String id,
        Optional<String> version,
        List<PlannedAddon> addons,
        @JsonDeserialize(contentUsing = TextOrName.class) List<String> tables,
        @JsonDeserialize(contentUsing = TextOrName.class) List<String> routes,
        @JsonDeserialize(contentUsing = TextOrName.class) List<String> permissions,
        boolean backup,
        Long rows,
        @JsonDeserialize(contentUsing = TextOrName.class) List<String> warnings) {

    public PlanView {
        action = action == null ? "" : action;
        id = id == null ? "" : id;
        version = version == null ? Optional.empty() : version;
        addons = addons == null ? List.of() : List.copyOf(addons);
        tables = tables == null ? List.of() : List.copyOf(tables);
        routes = routes == null ? List.of() : List.copyOf(routes);
        permissions = permissions == null ? List.of() : List.copyOf(permissions);
        rows = rows == null ? Long.valueOf(-1) : rows;
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** @return true when the tables may hold data: the agent counted rows, or did not say */
    public boolean mayHoldData() {
        return !tables.isEmpty() && rows != 0;
    }
}
