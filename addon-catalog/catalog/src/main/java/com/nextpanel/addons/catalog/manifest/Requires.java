package com.nextpanel.addons.catalog.manifest;

import com.nextpanel.addons.catalog.version.VersionRange;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * What an addon needs: a billing core version and other addons by id, each with a range.
 *
 * @param core   the core versions it runs on
 * @param addons addon id to the range of versions it needs; sorted by id
 */
public record Requires(VersionRange core, Map<String, VersionRange> addons) {

    public Requires {
        Objects.requireNonNull(core, "core");
        addons = addons == null ? Map.of() : Collections.unmodifiableMap(new TreeMap<>(addons));
    }

    public static Requires core(VersionRange core) {
        return new Requires(core, Map.of());
    }
}
