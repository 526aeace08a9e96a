package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.Addon;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HealthStatus;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.Json;
import com.nextpanel.addons.testsupport.addon.HarnessRoutes.Route;
import com.nextpanel.addons.testsupport.addon.MigrationScripts.Migration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Starts an addon for real in a test, as the agent would but without the agent: an in-memory H2 database, the
 * addon's migrations applied in its own schema as its own role, its entrypoint (from the manifest) started with
 * a small {@link com.nextpanel.addons.spi.AddonContext}, its routes called by method and path.
 *
 * <pre>{@code
 * try (AddonHarness chat = AddonHarness.start(AddonSource.packageDir(Path.of("src/addon")))) {
 *     long id = chat.post("/api/v1/chat/sessions", Map.of("title", "Hello")).id();
 *     assertThat(chat.get("/api/v1/chat/sessions").list()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>{@link #update} replays an update: the running version is stopped, the next version's new migrations are
 * applied over the same data, and its entrypoint started. A handler's {@link IllegalArgumentException} answers
 * 400 as the host does; any other exception is rethrown so that the test shows it.
 */
public final class AddonHarness implements AutoCloseable {

    private final HarnessDatabase database = new HarnessDatabase();
    private final List<String> applied = new ArrayList<>();
    private final Map<String, String> configuration;
    private HarnessManifest manifest;
    private DataSource dataSource;
    private HarnessRoutes routes;
    private Addon addon;

    private AddonHarness(Map<String, String> configuration) {
        this.configuration = Map.copyOf(configuration);
    }

    /** Starts the addon with an empty configuration; see {@link #start(AddonSource, Map)}. */
    public static AddonHarness start(AddonSource source) {
        return start(source, Map.of());
    }

    /**
     * @param source the addon's manifest and migrations
     * @param configuration what {@code AddonContext.configuration()} answers
     * @return the harness with the addon started and healthy
     * @throws IllegalStateException when a migration fails, start throws, or the health check says down
     */
    public static AddonHarness start(AddonSource source, Map<String, String> configuration) {
        AddonHarness harness = new AddonHarness(configuration);
        try {
            harness.install(source);
            return harness;
        } catch (RuntimeException e) {
            harness.database.close();
            throw e;
        }
    }

    /**
     * Replays an update to {@code next}: stops the running addon, applies the migrations it does not have yet
     * over the same data, starts the new entrypoint.
     *
     * @return this harness
     */
    public AddonHarness update(AddonSource next) {
        HarnessManifest nextManifest = HarnessManifest.read(next.manifest());
        if (!nextManifest.id().equals(manifest.id())) {
            throw new IllegalArgumentException("cannot update " + manifest.id() + " to " + nextManifest.id());
        }
        stopAddon();
        install(next);
        return this;
    }

    private void install(AddonSource source) {
        manifest = HarnessManifest.read(source.manifest());
        dataSource = database.addonDataSource(manifest);
        migrate(MigrationScripts.find(source.migrationDirs()));
        routes = new HarnessRoutes(manifest.routes());
        addon = instantiate(manifest.entrypoint());
        try {
            addon.start(new HarnessContext(manifest, dataSource, configuration, routes));
        } catch (Exception e) {
            throw new IllegalStateException(manifest.id() + " " + manifest.version() + " failed to start: " + e, e);
        } finally {
            routes.close();
        }
        HealthStatus health = addon.health();
        if (!health.healthy()) {
            throw new IllegalStateException(manifest.id() + " " + manifest.version() + " is unhealthy after start: "
                    + health.message());
        }
    }

    private void migrate(List<Migration> migrations) {
        for (Migration migration : migrations) {
            if (applied.contains(migration.version())) {
                continue;
            }
            List<String> statements = MigrationScripts.statements(migration.file());
            try {
                HarnessDatabase.execute(dataSource, statements.toArray(String[]::new));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("migration " + migration.file().getFileName() + " of "
                        + manifest.id() + " failed: " + e.getMessage(), e);
            }
            applied.add(migration.version());
        }
    }

    private static Addon instantiate(String entrypoint) {
        try {
            Class<?> type = Class.forName(entrypoint, true, Thread.currentThread().getContextClassLoader());
            return (Addon) type.getConstructor().newInstance();
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException("cannot instantiate entrypoint " + entrypoint + ": " + e, e);
        }
    }

    /** @return the running addon's health */
    public HealthStatus health() {
        return addon.health();
    }

    /** @return the versions of the migrations applied so far, in order */
    public List<String> appliedMigrations() {
        return List.copyOf(applied);
    }

    /** @return the registered routes as {@code "METHOD pattern"}, in registration order */
    public List<String> routes() {
        return routes.routes().stream().map(r -> r.method() + " " + r.pattern()).toList();
    }

    /** @return a data source connecting as the addon's role, its schema the default */
    public DataSource dataSource() {
        return dataSource;
    }

    /** @return a data source connecting as the database administrator, for setting up and checking core rows */
    public DataSource adminDataSource() {
        return database.admin();
    }

    /** Inserts a row in the core's {@code billing.customers} and returns its id. */
    public long insertCustomer(String name, String email) {
        return database.insertCustomer(name, email);
    }

    /** Calls a GET route; {@code target} is a path with an optional query string. */
    public HarnessReply get(String target) {
        return call(HttpMethod.GET, target, "");
    }

    /** Calls a POST route with {@code body} written by {@link Json#write}. */
    public HarnessReply post(String target, Object body) {
        return call(HttpMethod.POST, target, Json.write(body));
    }

    /** Calls a PUT route with {@code body} written by {@link Json#write}. */
    public HarnessReply put(String target, Object body) {
        return call(HttpMethod.PUT, target, Json.write(body));
    }

    /** Calls a DELETE route. */
    public HarnessReply delete(String target) {
        return call(HttpMethod.DELETE, target, "");
    }

    /**
     * Calls a route as the host would: 404 when no route has the path, 405 when none has it for the method.
     *
     * @param rawBody the body text, sent as is
     */
    public HarnessReply call(HttpMethod method, String target, String rawBody) {
        Objects.requireNonNull(rawBody, "rawBody");
        String path = target.contains("?") ? target.substring(0, target.indexOf('?')) : target;
        List<Route> candidates = routes.matching(path);
        if (candidates.isEmpty()) {
            return HarnessReply.of(AddonResponse.notFound("no route " + path));
        }
        Route route = candidates.stream().filter(r -> r.method() == method).findFirst().orElse(null);
        if (route == null) {
            return HarnessReply.of(AddonResponse.error(405, "method_not_allowed", method + " " + path));
        }
        Map<String, String> params = route.match(HarnessRoutes.segments(path)).orElseThrow();
        try {
            return HarnessReply.of(route.handler().handle(HarnessRequest.of(method, target, params, rawBody)));
        } catch (IllegalArgumentException e) {
            return HarnessReply.of(AddonResponse.badRequest(e.getMessage()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + route.pattern() + " threw " + e, e);
        }
    }

    private void stopAddon() {
        if (addon == null) {
            return;
        }
        try {
            addon.stop();
        } catch (Exception e) {
            throw new IllegalStateException(manifest.id() + " failed to stop: " + e, e);
        } finally {
            addon = null;
        }
    }

    /** Stops the addon and drops the database. */
    @Override
    public void close() {
        try {
            stopAddon();
        } finally {
            database.close();
        }
    }
}
