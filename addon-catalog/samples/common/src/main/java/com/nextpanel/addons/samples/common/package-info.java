/**
 * Helpers the sample addons share and bundle: {@link com.nextpanel.addons.samples.common.Db} for plain JDBC on
 * the addon's data source, {@link com.nextpanel.addons.samples.common.Input} for reading request bodies, and
 * {@link com.nextpanel.addons.samples.common.GuardedRoutes} that turns {@link
 * com.nextpanel.addons.samples.common.RouteProblem}s into {@code {"error","message"}} answers.
 */
package com.nextpanel.addons.samples.common;
