package com.nextpanel.addons.spi;

/**
 * The entrypoint of an addon, named by {@code entrypoint} in {@code addon.json}.
 *
 * <p>Lifecycle: the host instantiates the class through its public no-argument constructor, calls
 * {@link #start} once (the addon registers its routes there), calls {@link #health} after start and whenever
 * an administrator asks, and calls {@link #stop} once when the addon is disabled, updated or uninstalled,
 * after its in-flight requests have finished. An exception from {@code start} or an unhealthy status after it
 * makes the install fail and roll back.
 */
public interface Addon {

    /**
     * Starts the addon: register routes, warm caches. Must not block for long.
     *
     * @param context what the host offers this addon; valid until {@link #stop} returns
     * @throws Exception any failure; the host marks the addon failed and undoes the install or update
     */
    void start(AddonContext context) throws Exception;

    /**
     * Stops the addon and releases what it holds (threads, files). Its routes are already gone when this runs.
     *
     * @throws Exception logged by the host; the addon is unloaded anyway
     */
    default void stop() throws Exception {
    }

    /**
     * Tells whether the addon can serve. Called right after {@link #start}; an unhealthy answer fails the install.
     *
     * @return the addon's health; healthy unless overridden
     */
    default HealthStatus health() {
        return HealthStatus.up();
    }
}
