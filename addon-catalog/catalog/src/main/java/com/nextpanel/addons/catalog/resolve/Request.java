package com.nextpanel.addons.catalog.resolve;

import com.nextpanel.addons.catalog.version.Version;
import java.util.Objects;
import java.util.Optional;

/**
 * What the administrator asks for.
 *
 * @param version a specific version, or empty for the newest compatible one
 */
public record Request(Action action, String id, Optional<Version> version) {

    public enum Action { INSTALL, UPDATE }

    public Request {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(id, "id");
        version = version == null ? Optional.empty() : version;
    }

    public static Request install(String id) {
        return new Request(Action.INSTALL, id, Optional.empty());
    }

    public static Request install(String id, Version version) {
        return new Request(Action.INSTALL, id, Optional.of(version));
    }

    public static Request update(String id) {
        return new Request(Action.UPDATE, id, Optional.empty());
    }

    public static Request update(String id, Version version) {
        return new Request(Action.UPDATE, id, Optional.of(version));
    }
}
