package com.nextpanel.addons.agent.install;

/** Answers what an action would do, without changing anything. */
public interface PlanService {

    /**
     * @return the plan: addons (dependencies first), schemas, tables, routes, permissions, backup
     * @throws com.nextpanel.addons.agent.AgentException {@code CONFLICT} with every reason in
     *         {@link com.nextpanel.addons.agent.AgentException#reasons()} (missing or cyclic dependency, conflict,
     *         core incompatible, route prefix taken, dependents block an uninstall); {@code NOT_FOUND} for an
     *         unknown addon or version; {@code CATALOG_UNTRUSTED} when the catalog cannot be verified
     */
    PlanView plan(PlanRequest request);
}
