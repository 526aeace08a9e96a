package com.nextpanel.addons.agent.isolation;

import java.util.List;

/**
 * An addon's place in the database.
 *
 * @param addonId the addon id
 * @param schema its schema as the database stores the name: {@code addon_<id>} on PostgreSQL and on the agent's
 *        H2 ({@code DATABASE_TO_LOWER}); {@code ADDON_<ID>} on an H2 that folds unquoted names to upper case
 * @param role the database user or role it connects as
 * @param grants the core tables its permissions reach
 */
public record AddonDatabase(String addonId, String schema, String role, List<TableGrant> grants) {

    public AddonDatabase {
        grants = List.copyOf(grants);
    }
}
