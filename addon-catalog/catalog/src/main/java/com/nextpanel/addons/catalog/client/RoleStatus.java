package com.nextpanel.addons.catalog.client;

import java.time.Instant;
import java.util.List;

/**
 * How one role's metadata verified: its version, expiry and the ids of the keys whose signatures counted.
 */
public record RoleStatus(int version, Instant expires, List<String> signedBy) {

    public RoleStatus {
        signedBy = List.copyOf(signedBy);
    }
}
