package com.nextpanel.addons.catalog.manifest;

import java.util.List;

/**
 * The route prefixes the billing core owns, and the rules for comparing prefixes. A prefix is a
 * normalised path ({@code /api/v1/chat}) without a trailing slash; it claims itself and everything below
 * it segment by segment, so {@code /api/v1/chat} claims {@code /api/v1/chat/sessions} but not
 * {@code /api/v1/chatter}.
 */
public final class CoreRoutes {

    /** Every addon route lives below this. */
    public static final String ADDON_ROOT = "/api/v1/";

    /** The prefixes of the billing core; no addon may claim one of them, above or below. */
    public static final List<String> PREFIXES = List.of("/api/v1/health", "/api/v1/customers", "/api/v1/invoices");

    private CoreRoutes() {
    }

    /** @return true when {@code path} is {@code prefix} itself or lies below it (segment-wise) */
    public static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    /** @return true when one prefix claims part of what the other claims */
    public static boolean overlaps(String a, String b) {
        return isUnder(a, b) || isUnder(b, a);
    }
}
