package com.nextpanel.addons.agent.host;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/** Checks route prefixes as the manifest declares them, e.g. {@code /api/v1/chat}. */
final class RoutePrefixes {

    private static final Pattern PREFIX = Pattern.compile("/api/v1(/[A-Za-z0-9._~-]+)+");

    private RoutePrefixes() {
    }

    /**
     * @return the prefixes, checked
     * @throws IllegalArgumentException naming the first malformed prefix
     */
    static List<String> check(String addonId, Collection<String> prefixes) {
        for (String prefix : prefixes) {
            if (prefix == null || !PREFIX.matcher(prefix).matches()) {
                throw new IllegalArgumentException("addon " + addonId + " declares a malformed route prefix '"
                        + prefix + "' (expected /api/v1/<segment>[/<segment>...] without a trailing slash)");
            }
        }
        return List.copyOf(prefixes);
    }

    /** @return whether one prefix equals the other or lies under it by whole segments */
    static boolean overlap(String a, String b) {
        return a.equals(b) || a.startsWith(b + "/") || b.startsWith(a + "/");
    }
}
