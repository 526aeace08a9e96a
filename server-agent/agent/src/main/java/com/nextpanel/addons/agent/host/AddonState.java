package com.nextpanel.addons.agent.host;

/**
 * Where an addon is in its life inside the host.
 *
 * <pre>
 *   LOADED ──start() ok, health UP──▶ STARTED ──publish──▶ ACTIVE ──deactivate / replaced──▶ STOPPING ──▶ STOPPED
 *     │                                  │
 *     └──── start() throws, unhealthy ───┴──▶ FAILED          STARTED ──discard──▶ STOPPED
 * </pre>
 *
 * <ul>
 *   <li>{@code LOADED}: its classloader is open and its entry class instantiated; no code of it has run but
 *       the constructor.</li>
 *   <li>{@code STARTED}: {@code start} returned, {@code health} answered UP and its routes are collected, but
 *       not published: no request reaches it yet.</li>
 *   <li>{@code ACTIVE}: its routes are in the published route table.</li>
 *   <li>{@code STOPPING}: its routes are out of the table; the host waits (bounded) for its in-flight requests,
 *       then calls {@code stop}.</li>
 *   <li>{@code STOPPED}: {@code stop} was called and its classloader closed. Terminal.</li>
 *   <li>{@code FAILED}: loading, {@code start} or the health check failed; the addon was stopped and its
 *       classloader closed; {@link AddonWrapper#failure()} holds why. Terminal.</li>
 * </ul>
 */
public enum AddonState {
    LOADED, STARTED, ACTIVE, STOPPING, STOPPED, FAILED;

    /** @return whether no further transition leaves this state */
    public boolean isTerminal() {
        return this == STOPPED || this == FAILED;
    }
}
