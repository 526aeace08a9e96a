package com.nextpanel.addons.agent.host;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs addons: each in its own {@link AddonClassLoader}, its routes published in a {@link RouteTable} that is
 * swapped in one atomic step, served by {@link #handler()}.
 *
 * <p>Activation is two-phase so that an update can prepare the new version completely before it replaces the old
 * one: {@link #prepare} loads, starts and health-checks an addon without publishing anything; {@link #publish}
 * swaps its routes in (replacing those of a running version of the same addon in the same step), then drains and
 * stops the replaced version. {@link #activate} does both. Changes are serialised by one lock; requests never take
 * it, they read the current table.
 */
public final class AddonHost implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AddonHost.class);
    static final String CORE = "core";

    private final List<String> corePrefixes;
    private final HostSettings settings;
    private final ClassLoader parent;
    private final AtomicReference<RouteTable> table = new AtomicReference<>(RouteTable.empty());
    private final Map<String, AddonWrapper> active = new ConcurrentHashMap<>();
    private final Map<String, AddonWrapper> failed = new ConcurrentHashMap<>();
    private final ReentrantLock changes = new ReentrantLock();
    private final RouteDispatcher dispatcher;
    private final AddonRoutesHandler handler;

    /**
     * @param corePrefixes the route prefixes the billing core serves, e.g. {@code /api/v1/customers}; no addon may
     *        claim them or anything above or below them
     */
    public AddonHost(Collection<String> corePrefixes) {
        this(corePrefixes, HostSettings.defaults());
    }

    public AddonHost(Collection<String> corePrefixes, HostSettings settings) {
        this.corePrefixes = RoutePrefixes.check(CORE, corePrefixes);
        this.settings = settings;
        this.parent = AddonHost.class.getClassLoader();
        this.dispatcher = new RouteDispatcher(table::get);
        this.handler = new AddonRoutesHandler(dispatcher, settings.maxBodyBytes());
    }

    /**
     * Loads, starts and health-checks an addon, then publishes its routes.
     *
     * @return the addon, {@link AddonState#ACTIVE}
     * @throws AgentException {@code CONFLICT} for a route prefix taken by the core or another addon, or when the
     *         addon is already active; {@code BAD_REQUEST} for a package without jars or a wrong entrypoint;
     *         {@code INTERNAL} when its start throws or it is unhealthy. Then nothing is published and the addon's
     *         classloader is closed.
     */
    public AddonWrapper activate(ActivationRequest request) {
        if (active.containsKey(request.id())) {
            throw new AgentException(ErrorCode.CONFLICT, "addon " + request.id() + " is already active (version "
                    + active.get(request.id()).version() + "); deactivate it or update it through prepare/publish");
        }
        return publish(prepare(request));
    }

    /**
     * Loads, starts and health-checks an addon without publishing anything: no request reaches it yet.
     *
     * @return the addon, {@link AddonState#STARTED}; {@link #publish} or {@link #discard} it
     * @throws AgentException as {@link #activate}, except that a running version of the same addon is no conflict
     */
    public AddonWrapper prepare(ActivationRequest request) {
        checkPrefixesFree(request.id(), request.routePrefixes());
        return AddonWrapper.start(request, parent, new DependencyCalls(dispatcher, request), settings.startTimeout(),
                w -> {
            failed.put(w.id(), w);
            LOG.warn("{}", w.failure().map(Throwable::getMessage).orElse(w.toString()));
        });
    }

    /**
     * Publishes a prepared addon's routes in one atomic table swap. When a version of the same addon is active, its
     * routes are replaced in that same swap; it is then drained (bounded), stopped and unloaded.
     *
     * @return the now active addon
     * @throws AgentException {@code CONFLICT} when a prefix was taken since it was prepared; the prepared addon is
     *         then discarded
     */
    public AddonWrapper publish(AddonWrapper prepared) {
        if (prepared.state() != AddonState.STARTED) {
            throw new IllegalStateException("only a prepared (STARTED) addon can be published: " + prepared);
        }
        AddonWrapper replaced;
        changes.lock();
        try {
            try {
                checkPrefixesFree(prepared.id(), prepared.routePrefixes());
            } catch (AgentException e) {
                discard(prepared);
                throw e;
            }
            table.set(table.get().replacing(prepared.id(), prepared.routePrefixes(), prepared.collectedRoutes()));
            prepared.markActive();
            replaced = active.put(prepared.id(), prepared);
            failed.remove(prepared.id());
        } finally {
            changes.unlock();
        }
        LOG.info("addon {} {} active with routes {}", prepared.id(), prepared.version(), prepared.routes());
        if (replaced != null) {
            replaced.retire(settings.drainTimeout());
        }
        return prepared;
    }

    /** Stops and unloads a prepared addon that will not be published. */
    public void discard(AddonWrapper prepared) {
        if (prepared.state() == AddonState.STARTED) {
            prepared.retire(settings.drainTimeout());
        }
    }

    /**
     * Takes an addon's routes out of the table (atomically), waits for its requests in progress (bounded), calls its
     * {@code stop} and closes its classloader.
     *
     * @return whether it was active
     */
    public boolean deactivate(String id) {
        AddonWrapper removed;
        changes.lock();
        try {
            removed = active.remove(id);
            if (removed != null) {
                table.set(table.get().without(id));
            }
            failed.remove(id);
        } finally {
            changes.unlock();
        }
        if (removed == null) {
            return false;
        }
        removed.retire(settings.drainTimeout());
        LOG.info("addon {} {} deactivated", removed.id(), removed.version());
        return true;
    }

    /**
     * Checks route prefixes against the core's and every other active addon's (plan time).
     *
     * @param id the addon that would claim them; its own running version is no conflict
     * @throws AgentException {@code BAD_REQUEST} for a malformed prefix, {@code CONFLICT} naming the taken prefix
     *         and its owner
     */
    public void checkPrefixesFree(String id, Collection<String> prefixes) {
        List<String> checked;
        try {
            checked = RoutePrefixes.check(id, prefixes);
        } catch (IllegalArgumentException e) {
            throw new AgentException(ErrorCode.BAD_REQUEST, e.getMessage());
        }
        Map<String, String> owners = table.get().prefixOwners();
        for (String prefix : checked) {
            for (String core : corePrefixes) {
                if (RoutePrefixes.overlap(prefix, core)) {
                    throw new AgentException(ErrorCode.CONFLICT, "route prefix " + prefix + " of addon " + id
                            + " is already taken by the core (" + core + ")");
                }
            }
            for (Map.Entry<String, String> taken : owners.entrySet()) {
                if (!taken.getValue().equals(id) && RoutePrefixes.overlap(prefix, taken.getKey())) {
                    throw new AgentException(ErrorCode.CONFLICT, "route prefix " + prefix + " of addon " + id
                            + " is already taken by addon " + taken.getValue() + " (" + taken.getKey() + ")");
                }
            }
        }
    }

    /** @return the active addons, by id */
    public List<AddonWrapper> active() {
        return active.values().stream().sorted(Comparator.comparing(AddonWrapper::id)).toList();
    }

    /** @return the active addon of that id */
    public Optional<AddonWrapper> active(String id) {
        return Optional.ofNullable(active.get(id));
    }

    /**
     * @return the last failed activation of that id ({@link AddonState#FAILED}, with its failure), until it is
     *         activated successfully or deactivated
     */
    public Optional<AddonWrapper> failed(String id) {
        return Optional.ofNullable(failed.get(id));
    }

    /** @return the route table requests see now */
    public RouteTable routeTable() {
        return table.get();
    }

    /** @return the Jetty handler serving addon routes under {@code /api/v1/} from the current table */
    public AddonRoutesHandler handler() {
        return handler;
    }

    /** Deactivates every addon. */
    @Override
    public void close() {
        for (AddonWrapper addon : active()) {
            deactivate(addon.id());
        }
    }
}
