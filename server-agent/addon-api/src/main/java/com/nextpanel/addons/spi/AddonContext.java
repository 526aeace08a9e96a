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

    /**
     * Calls a route of an addon that this addon requires (named in {@code requires.addons} of its manifest), in
     * process, as the host's route table would answer it: this is how an addon uses what its dependencies offer,
     * since it can reach neither their schemas nor their classes. The host needs no token for such a call, and
     * may answer with the dependency's own error responses (404 for an unknown path, 400 for a bad body).
     *
     * @param method the HTTP method
     * @param target the full path with an optional query string, e.g.
     *     {@code /api/v1/notifications/templates/3/render}
     * @param body the request body as JSON text; empty for none
     * @return the dependency's response
     * @throws IllegalArgumentException when {@code target} lies under no route prefix of an addon this addon
     *     requires
     * @throws UnsupportedOperationException on a host that does not offer calls between addons
     * @throws Exception what the dependency's handler threw
     */
    default AddonResponse callDependency(HttpMethod method, String target, String body) throws Exception {
        throw new UnsupportedOperationException("this host does not offer calls between addons");
    }
}
