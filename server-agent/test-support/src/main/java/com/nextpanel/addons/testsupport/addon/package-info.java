/**
 * Starts a real addon in a test: its migrations applied with plain JDBC in its own schema of an in-memory H2
 * database, its entrypoint started with a small {@link com.nextpanel.addons.spi.AddonContext}, its routes
 * called by method and path. See {@link com.nextpanel.addons.testsupport.addon.AddonHarness}.
 */
package com.nextpanel.addons.testsupport.addon;
