package com.nextpanel.addons.catalog.tuf;

import java.util.List;

/** A role in root metadata: the ids of the keys that may sign it and how many must. */
public record RoleKeys(List<String> keyIds, int threshold) {

    public RoleKeys {
        keyIds = List.copyOf(keyIds);
        if (threshold < 1) {
            throw new IllegalArgumentException("threshold must be at least 1, not " + threshold);
        }
    }
}
