package com.nextpanel.addons.testsupport.addon;

import com.nextpanel.addons.spi.Addon;
import com.nextpanel.addons.spi.AddonResponse;
import com.nextpanel.addons.spi.HealthStatus;
import com.nextpanel.addons.spi.HttpMethod;
import com.nextpanel.addons.spi.Json;
import com.nextpanel.addons.testsupport.addon.HarnessRoutes.Route;
import com.nextpanel.addons.testsupport.addon.MigrationScripts.Migration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Starts addons for real in a test, as the agent would but without the agent: a fresh database (in-memory H2,
 * or PostgreSQL: {@link HarnessBackend}), each addon's migrations applied in its own schema as its own role, its
 * entrypoint (from the manifest) started with a small {@link com.nextpanel.addons.spi.AddonContext}, routes
 * called by method and path.
 *
 * <pre>{@code
 * try (AddonHarness chat = AddonHarness.start(AddonSource.packageDir(Path.of("src/addon")))) {
 *     long id = chat.post("/api/v1/chat/sessions", Map.of("title", "Hello")).id();
 *     assertThat(chat.get("/api/v1/chat/sessions").list()).hasSize(1);
 * }
 * }</pre>
 *
 * <p>{@link #install} starts a further addon in the same database (dependencies first, as the agent orders
 * them); {@code AddonContext.callDependency} then reaches the routes of the addons an addon requires.
 * {@link #update} replays an update: the running version is stopped, the next version's new migrations are
 * applied over the same data, and its entrypoint started. A body that {@code jsonBody()} cannot read answers 400
 * as the host does; any other exception a handler throws (where the host answers 500) is rethrown so that the
 * test shows it. The accessors without an id
 * ({@link #health()}, {@link #routes()}, {@link #dataSource()}, {@link #appliedMigrations()}) are about the
 * first addon started.
 */
public final class AddonHarness implements AutoCloseable {

    /** One started addon. */
    private record Running(HarnessManifest manifest, DataSource dataSource, HarnessRoutes routes, Addon addon) {
    }

    private final HarnessDatabase database;
    private final Map<String, List<String>> applied = new HashMap<>();
    private final Map<String, Running> running = new LinkedHashMap<>();
    private final Map<String, String> configuration;

    private AddonHarness(HarnessBackend backend, Map<String, String> configuration) {
        this.configuration = Map.copyOf(configuration);
        this.database = backend.open();
    }

    /** Starts the addon on H2 with an empty configuration; see {@link #start(HarnessBackend, AddonSource, Map)}. */
    public static AddonHarness start(AddonSource source) {
        return start(HarnessBackend.H2, source, Map.of());
    }

    /** Starts the addon on H2; see {@link #start(HarnessBackend, AddonSource, Map)}. */
    public static AddonHarness start(AddonSource source, Map<String, String> configuration) {
        return start(HarnessBackend.H2, source, configuration);
    }

    /** Starts the addon with an empty configuration; see {@link #start(HarnessBackend, AddonSource, Map)}. */
    public static AddonHarness start(HarnessBackend backend, AddonSource source) {
        return start(backend, source, Map.of());
    }

    /**
     * @param backend the database to run on, a fresh one
     * @param source the addon's manifest and migrations
     * @param configuration what {@code AddonContext.configuration()} answers, for every addon of this harness
     * @return the harness with the addon started and healthy
     * @throws IllegalStateException when a migration fails, start throws, or the health check says down
     */
    public static AddonHarness start(HarnessBackend backend, AddonSource source, Map<String, String> configuration) {
        AddonHarness harness = new AddonHarness(backend, configuration);
        try {
            return harness.install(source);
        } catch (RuntimeException e) {
            harness.database.close();
            throw e;
        }
    }

    /**
     * Starts a further addon in the same database.
     *
     * @return this harness
     * @throws IllegalStateException when an addon it requires is not started yet, or one with its id is
     */
    public AddonHarness install(AddonSource source) {
        HarnessManifest manifest = HarnessManifest.read(source.manifest());
        if (running.containsKey(manifest.id())) {
            throw new IllegalStateException(manifest.id() + " is started already; use update");
        }
        for (String required : manifest.requiredAddons()) {
            if (!running.containsKey(required)) {
                throw new IllegalStateException(manifest.id() + " requires " + required + ", which is not started");
            }
        }
        startAddon(manifest, source);
        return this;
    }

    /**
     * Replays an update to {@code next}: stops the running addon of the same id, applies the migrations it does
     * not have yet over the same data, starts the new entrypoint.
     *
     * @return this harness
     */
    public AddonHarness update(AddonSource next) {
        HarnessManifest manifest = HarnessManifest.read(next.manifest());
        Running current = running.get(manifest.id());
        if (current == null) {
            throw new IllegalStateException("cannot update " + manifest.id() + ": it is not started");
        }
        stop(current);
        startAddon(manifest, next);
        return this;
    }

    private void startAddon(HarnessManifest manifest, AddonSource source) {
        DataSource dataSource = database.addonDataSource(manifest);
        migrate(manifest, dataSource, MigrationScripts.find(source.migrationDirs()));
        HarnessRoutes routes = new HarnessRoutes(manifest.routes());
        Addon addon = instantiate(manifest.entrypoint());
        try {
            addon.start(new HarnessContext(manifest, dataSource, configuration, routes, this::callDependency));
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
        running.put(manifest.id(), new Running(manifest, dataSource, routes, addon));
    }

    private void migrate(HarnessManifest manifest, DataSource dataSource, List<Migration> migrations) {
        List<String> done = applied.computeIfAbsent(manifest.id(), id -> new ArrayList<>());
        for (Migration migration : migrations) {
            if (done.contains(migration.version())) {
                continue;
            }
            List<String> statements = MigrationScripts.statements(migration.file());
            try {
                HarnessDatabase.execute(dataSource, statements.toArray(String[]::new));
            } catch (IllegalStateException e) {
                throw new IllegalStateException("migration " + migration.file().getFileName() + " of "
                        + manifest.id() + " failed: " + e.getMessage(), e);
            }
            done.add(migration.version());
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

    private AddonResponse callDependency(HarnessManifest caller, HttpMethod method, String target, String body)
            throws Exception {
        String path = pathOf(target);
        Running dependency = caller.requiredAddons().stream().map(running::get).filter(Objects::nonNull)
                .filter(r -> r.manifest().claims(path)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(caller.id() + " requires no started addon with a route "
                        + "prefix for " + path + " (it requires " + caller.requiredAddons() + ")"));
        return dispatch(List.of(dependency), method, target, body);
    }

    private Running main() {
        return running.values().iterator().next();
    }

    private Running addon(String id) {
        return Optional.ofNullable(running.get(id)).orElseThrow(() -> new IllegalArgumentException(id + " is not started"));
    }

    /**
     * Checks every console table view the started addons declare as the console would read it: its route is a
     * GET route of the addon answering 200 with a JSON array of objects, and every row has every column's field
     * (null is fine). Call it once rows exist, so that the fields are really checked.
     *
     * @return how many rows the views showed, by navigation label
     * @throws IllegalStateException naming the view, route and missing field
     */
    public Map<String, Integer> checkConsoleViews() {
        Map<String, Integer> rows = new LinkedHashMap<>();
        for (Running addon : running.values()) {
            for (HarnessManifest.ConsoleView view : addon.manifest().consoleViews()) {
                String where = addon.manifest().id() + " console view '" + view.label() + "' (GET " + view.route() + ")";
                HarnessReply reply = get(view.route());
                if (reply.status() != 200) {
                    throw new IllegalStateException(where + " answered " + reply.status() + ": " + reply.body());
                }
                List<Map<String, Object>> list;
                try {
                    list = reply.list();
                } catch (IllegalStateException e) {
                    throw new IllegalStateException(where + " did not answer a JSON array of objects: " + reply.body(), e);
                }
                for (Map<String, Object> row : list) {
                    for (String field : view.fields()) {
                        if (!row.containsKey(field)) {
                            throw new IllegalStateException(where + ": a row has no field '" + field + "': " + row);
                        }
                    }
                }
                rows.put(view.label(), list.size());
            }
        }
        return rows;
    }

    /** @return the first addon's health */
    public HealthStatus health() {
        return main().addon().health();
    }

    /** @return the health of the started addon {@code id} */
    public HealthStatus health(String id) {
        return addon(id).addon().health();
    }

    /** @return the versions of the first addon's migrations applied so far, in order */
    public List<String> appliedMigrations() {
        return appliedMigrations(main().manifest().id());
    }

    /** @return the versions of addon {@code id}'s migrations applied so far, in order */
    public List<String> appliedMigrations(String id) {
        return List.copyOf(applied.getOrDefault(id, List.of()));
    }

    /** @return the first addon's routes as {@code "METHOD pattern"}, in registration order */
    public List<String> routes() {
        return main().routes().routes().stream().map(r -> r.method() + " " + r.pattern()).toList();
    }

    /** @return a data source connecting as the first addon's role, its schema the default */
    public DataSource dataSource() {
        return main().dataSource();
    }

    /** @return a data source connecting as addon {@code id}'s role, its schema the default */
    public DataSource dataSource(String id) {
        return addon(id).dataSource();
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
     * Calls a route of any started addon as the host would: 404 when no route has the path, 405 when none has it
     * for the method, 400 when {@code jsonBody()} cannot read the body; other exceptions of the handler are
     * rethrown (the host answers them with 500).
     *
     * @param rawBody the body text, sent as is
     */
    public HarnessReply call(HttpMethod method, String target, String rawBody) {
        try {
            return HarnessReply.of(dispatch(running.values(), method, target, rawBody));
        } catch (HarnessRequest.MalformedBody e) {
            return HarnessReply.of(AddonResponse.badRequest(e.getMessage()));
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + target + " threw " + e, e);
        }
    }

    private static AddonResponse dispatch(Iterable<Running> addons, HttpMethod method, String target, String body)
            throws Exception {
        Objects.requireNonNull(body, "body");
        String path = pathOf(target);
        List<Route> candidates = new ArrayList<>();
        for (Running addon : addons) {
            candidates.addAll(addon.routes().matching(path));
        }
        if (candidates.isEmpty()) {
            return AddonResponse.notFound("no route " + path);
        }
        Route route = candidates.stream().filter(r -> r.method() == method).findFirst().orElse(null);
        if (route == null) {
            return AddonResponse.error(405, "method_not_allowed", method + " " + path);
        }
        Map<String, String> params = route.match(HarnessRoutes.segments(path)).orElseThrow();
        return route.handler().handle(HarnessRequest.of(method, target, params, body));
    }

    private static String pathOf(String target) {
        int q = target.indexOf('?');
        return q < 0 ? target : target.substring(0, q);
    }

    private static void stop(Running addon) {
        try {
            addon.addon().stop();
        } catch (Exception e) {
            throw new IllegalStateException(addon.manifest().id() + " failed to stop: " + e, e);
        }
    }

    /** Stops the addons, last started first, and drops the database. */
    @Override
    public void close() {
        try {
            List<Running> started = new ArrayList<>(running.values());
            running.clear();
            for (int i = started.size() - 1; i >= 0; i--) {
                stop(started.get(i));
            }
        } finally {
            database.close();
        }
    }
}
