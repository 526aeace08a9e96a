package com.nextpanel.addons.catalog.tuf;

import java.util.Locale;
import java.util.Optional;

/** The four top-level TUF roles; {@link #id()} is the name used in metadata, {@link #fileName()} its file. */
public enum Role {
    ROOT, TARGETS, SNAPSHOT, TIMESTAMP;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String fileName() {
        return id() + ".json";
    }

    public static Optional<Role> byId(String id) {
        for (Role role : values()) {
            if (role.id().equals(id)) {
                return Optional.of(role);
            }
        }
        return Optional.empty();
    }
}
