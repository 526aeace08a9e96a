package com.nextpanel.addons.agent;

import com.nextpanel.addons.agent.core.BillingCore;
import com.nextpanel.addons.agent.db.Database;
import com.nextpanel.addons.agent.host.AddonHost;
import java.time.Clock;
import java.util.Optional;

/**
 * What the composition root has built when the job side starts: the job side plans, journals and runs jobs over
 * these.
 *
 * @param config   the command line
 * @param database the agent's database (H2 or PostgreSQL), core schema migrated
 * @param core     the billing core
 * @param host     the addon host, no addon loaded yet
 * @param catalog  the verified catalog, when {@code --catalog} was given
 * @param clock    the clock jobs stamp with
 */
public record AgentParts(AgentConfig config, Database database, BillingCore core, AddonHost host,
                         Optional<AgentCatalog> catalog, Clock clock) {
}
