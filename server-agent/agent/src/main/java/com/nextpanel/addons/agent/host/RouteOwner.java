package com.nextpanel.addons.agent.host;

/**
 * What a route needs of the addon that owns it: who it is, which classloader to run its code with and the
 * counter of its requests in progress.
 */
public final class RouteOwner {

    private final String addonId;
    private final String version;
    private final ClassLoader classLoader;
    private final InFlight inFlight = new InFlight();

    RouteOwner(String addonId, String version, ClassLoader classLoader) {
        this.addonId = addonId;
        this.version = version;
        this.classLoader = classLoader;
    }

    public String addonId() {
        return addonId;
    }

    public String version() {
        return version;
    }

    /** @return the owner's requests in progress right now */
    public int inFlightRequests() {
        return inFlight.current();
    }

    ClassLoader classLoader() {
        return classLoader;
    }

    InFlight inFlight() {
        return inFlight;
    }

    @Override
    public String toString() {
        return addonId + " " + version;
    }
}
