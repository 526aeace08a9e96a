package com.nextpanel.addons.agent.isolation;

import com.nextpanel.addons.agent.db.DatabaseConfig;

/** The same guarantees on the H2 URL the agent really uses: lower-case identifiers, no auto server. */
class H2LowerCaseAddonDatabasesTest extends H2AddonDatabasesTest {

    @Override
    String jdbcUrl() {
        return DatabaseConfig.h2In(tmp).jdbcUrl();
    }
}
