package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import com.nextpanel.addons.spi.Addon;
import com.nextpanel.addons.spi.HealthStatus;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One addon version inside the host: its classloader, its {@link Addon} object, its collected routes and its
 * {@link AddonState}. A failure is recorded here as an {@link AddonFailure}. Once terminal ({@code STOPPED} or
 * {@code FAILED}) it drops every reference to the addon's code, so a caller that keeps the wrapper does not keep
 * the addon's classloader alive.
 */
public final class AddonWrapper {

    private static final Logger LOG = LoggerFactory.getLogger(AddonWrapper.class);
    static final Duration STOP_TIMEOUT = Duration.ofSeconds(10);

    private final String id;
    private final String version;
    private final List<String> routePrefixes;
    private volatile AddonState state;
    private volatile AddonFailure failure;
    private volatile List<String> routeDescriptions = List.of();
    // Cleared when terminal (see class comment).
    private AddonClassLoader loader;
    private Addon addon;
    private RouteOwner owner;
    private List<Route> routes = List.of();

    private AddonWrapper(ActivationRequest request) {
        this.id = request.id();
        this.version = request.version();
        this.routePrefixes = request.routePrefixes();
    }

    /**
     * Loads, starts and health-checks an addon; nothing is published.
     *
     * @return a wrapper in {@link AddonState#STARTED}
     * @throws AgentException when any step fails; then everything is closed and the wrapper given to
     *         {@code onFailure} is {@link AddonState#FAILED}
     */
    static AddonWrapper start(ActivationRequest request, ClassLoader parent, DependencyCalls calls,
            Duration startTimeout, java.util.function.Consumer<AddonWrapper> onFailure) {
        AddonWrapper w = new AddonWrapper(request);
        try {
            w.load(request, parent);
            w.startAndCheck(request, calls, startTimeout);
            return w;
        } catch (AgentException e) {
            w.fail(e);
            onFailure.accept(w);
            throw e;
        }
    }

    private void load(ActivationRequest request, ClassLoader parent) {
        try {
            loader = AddonClassLoader.over(id, version, request.libDir(), parent);
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, e.getMessage(), e);
        }
        Class<?> entry;
        try {
            entry = loader.loadClass(request.entrypoint());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "addon " + id + " " + version + ": entrypoint "
                    + request.entrypoint() + " cannot be loaded from " + request.libDir() + " (" + e + ")");
        }
        if (!Addon.class.isAssignableFrom(entry)) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "addon " + id + " " + version + ": entrypoint "
                    + request.entrypoint() + " does not implement " + Addon.class.getName());
        }
        try {
            addon = (Addon) callIn(loader, () -> entry.getConstructor().newInstance());
        } catch (Throwable e) {
            throw failure("cannot be instantiated through a public no-argument constructor", e);
        }
        owner = new RouteOwner(id, version, loader);
        state = AddonState.LOADED;
    }

    private void startAndCheck(ActivationRequest request, DependencyCalls calls, Duration timeout) {
        CollectingRouteRegistry registry = new CollectingRouteRegistry(owner, routePrefixes);
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            bounded("start", deadline, timeout, () -> {
                addon.start(new HostAddonContext(request, registry, calls));
                return null;
            });
        } catch (AgentException e) {
            throw e;
        } catch (Throwable e) {
            throw failure("failed to start", e);
        } finally {
            routes = registry.close();
        }
        HealthStatus health;
        try {
            health = bounded("health", deadline, timeout, addon::health);
        } catch (AgentException e) {
            throw e;
        } catch (Throwable e) {
            throw failure("failed its health check", e);
        }
        if (health == null || !health.healthy()) {
            throw new AgentException(ErrorCode.INTERNAL, "addon " + id + " " + version + " is unhealthy after start: "
                    + (health == null ? "health() answered null" : health.message()));
        }
        routeDescriptions = routes.stream().map(Route::describe).toList();
        state = AddonState.STARTED;
    }

    private AgentException failure(String what, Throwable thrown) {
        Throwable cause = thrown instanceof java.lang.reflect.InvocationTargetException ite && ite.getCause() != null
                ? ite.getCause() : thrown;
        AddonFailure copy = AddonFailure.of("addon " + id + " " + version + " " + what, cause);
        return new AgentException(ErrorCode.INTERNAL, copy.getMessage(), copy);
    }

    /**
     * Runs {@code call} in the addon's classloader on a thread of its own and waits until {@code deadline}: an addon
     * whose {@code start} or health check hangs fails the activation instead of holding up the job. Its thread is
     * interrupted and, if it does not end, left behind (and logged), as with {@code stop}.
     *
     * @throws AgentException {@code INTERNAL} naming the addon and the timeout when the deadline passes
     * @throws Throwable what {@code call} threw
     */
    private <T> T bounded(String what, long deadline, Duration timeout, Callable<T> call) throws Throwable {
        ClassLoader targetLoader = loader;
        FutureTask<T> task = new FutureTask<>(() -> callIn(targetLoader, call));
        Thread runner = new Thread(task, "addon-" + what + "-" + id);
        runner.setDaemon(true);
        runner.start();
        try {
            return task.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw e.getCause();
        } catch (TimeoutException e) {
            AddonFailure copy = AddonFailure.timedOut("addon " + id + " " + version + " did not " + (what.equals("start")
                    ? "start" : "answer its health check") + " within " + describe(timeout), runner.getStackTrace());
            task.cancel(true);
            LOG.warn("addon {} {}: {}() did not return within {}; its thread {} is interrupted", id, version, what,
                    timeout, runner.getName(), copy);
            throw new AgentException(ErrorCode.INTERNAL, copy.getMessage(), copy);
        } catch (InterruptedException e) {
            task.cancel(true);
            Thread.currentThread().interrupt();
            throw e;
        }
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Records the failure, stops what was started and closes the classloader. */
    private void fail(AgentException e) {
        failure = e.getCause() instanceof AddonFailure f ? f : AddonFailure.of(e.getMessage(), e);
        if (addon != null && (state == AddonState.LOADED || state == AddonState.STARTED)) {
            stopQuietly();
        }
        release(AddonState.FAILED);
    }

    void markActive() {
        state = AddonState.ACTIVE;
    }

    /** @return the routes collected during start */
    List<Route> collectedRoutes() {
        return routes;
    }

    /**
     * Waits (bounded) for the requests in progress, then stops the addon and closes its classloader. The caller has
     * already taken its routes out of the table.
     */
    void retire(Duration drainTimeout) {
        if (state == null || state.isTerminal()) {
            return;
        }
        state = AddonState.STOPPING;
        try {
            if (!owner.inFlight().drain(drainTimeout)) {
                LOG.warn("addon {} {}: {} request(s) still running after {}; stopping it anyway", id, version,
                        owner.inFlight().current(), drainTimeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            LOG.warn("addon {} {}: interrupted while draining; stopping it now", id, version);
        }
        stopQuietly();
        release(AddonState.STOPPED);
    }

    /**
     * Calls {@code stop} on a thread of its own and waits at most {@link #STOP_TIMEOUT}: an addon whose
     * {@code stop} hangs is unloaded anyway (its thread is left behind, and logged) rather than holding up the job.
     */
    private void stopQuietly() {
        Addon target = addon;
        ClassLoader targetLoader = loader;
        Thread stopper = new Thread(() -> {
            try {
                callIn(targetLoader, () -> {
                    target.stop();
                    return null;
                });
            } catch (Throwable e) {
                LOG.warn("addon {} {} failed to stop; unloading it anyway", id, version, AddonFailure.of("stop", e));
            }
        }, "addon-stop-" + id);
        stopper.setDaemon(true);
        stopper.start();
        try {
            stopper.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (stopper.isAlive()) {
            LOG.warn("addon {} {}: stop() did not return within {}; unloading it anyway", id, version, STOP_TIMEOUT);
        }
    }

    private void release(AddonState terminal) {
        if (loader != null) {
            try {
                loader.close();
            } catch (IOException e) {
                LOG.warn("addon {} {}: cannot close its classloader", id, version, e);
            }
        }
        loader = null;
        addon = null;
        owner = null;
        routes = List.of();
        state = terminal;
    }

    static <T> T callIn(ClassLoader loader, Callable<T> call) throws Exception {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            return call.call();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    public String id() {
        return id;
    }

    public String version() {
        return version;
    }

    public AddonState state() {
        return state;
    }

    /** @return why it failed, when {@link #state()} is {@code FAILED} */
    public Optional<AddonFailure> failure() {
        return Optional.ofNullable(failure);
    }

    /** @return the prefixes its manifest declares */
    public List<String> routePrefixes() {
        return routePrefixes;
    }

    /** @return its routes, e.g. {@code GET /api/v1/chat/sessions/{id}} */
    public List<String> routes() {
        return routeDescriptions;
    }

    /** @return its requests in progress */
    public int inFlightRequests() {
        RouteOwner o = owner;
        return o == null ? 0 : o.inFlightRequests();
    }

    /** @return its health now; down when it is not running or its check throws */
    public HealthStatus health() {
        Addon a = addon;
        AddonClassLoader l = loader;
        if (a == null || l == null || (state != AddonState.STARTED && state != AddonState.ACTIVE)) {
            return HealthStatus.down("addon " + id + " is " + state);
        }
        try {
            HealthStatus status = callIn(l, a::health);
            return status == null ? HealthStatus.down("health() answered null") : status;
        } catch (Throwable e) {
            return HealthStatus.down(AddonFailure.of("health check failed", e).getMessage());
        }
    }

    /** For tests: the addon's classloader while it is loaded. */
    Optional<ClassLoader> classLoader() {
        return Optional.ofNullable(loader);
    }

    @Override
    public String toString() {
        return "addon " + id + " " + version + " " + state;
    }
}
