package com.nextpanel.addons.spi;

import java.util.Map;
import javax.sql.DataSource;

/** What the host gives a started addon. */
public interface AddonContext {

    /** @return the addon's id as in its manifest, e.g. {@code ai_chatbot} */
    String addonId();

    /** @return the addon's installed version, e.g. {@code 1.1.0} */
    String version();

    /** @return the database schema that holds the addon's tables: {@code addon_<id>} */
    String schema();

    /**
     * A data source that connects as the addon's own database role, with {@link #schema()} as the default
     * schema. That role reaches only the addon's schema and the core tables its declared permissions grant.
     *
     * @return the addon's data source; connections must be closed by the addon
     */
    DataSource dataSource();

    /** @return the addon's configuration (read-only); empty when none is set */
    Map<String, String> configuration();

    /** @return a logger named after the addon; output goes to the agent's log */
    System.Logger logger();

    /** @return where the addon registers its HTTP routes, only during {@link Addon#start} */
    RouteRegistry routes();
}
