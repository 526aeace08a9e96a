package com.nextpanel.addons.catalog.resolve;

import com.nextpanel.addons.catalog.version.Version;

/** The version of the billing core that addons declare compatibility with ({@code requires.core}). */
public final class CoreVersion {

    /** The billing core this build ships. */
    public static final Version CURRENT = Version.of(1, 0, 0);

    private CoreVersion() {
    }
}
