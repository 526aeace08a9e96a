package com.nextpanel.addons.agent.api;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks the addon ids and versions requests carry before they reach the jobs (400 naming the value). */
final class AddonIds {

    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]{1,39}");
    private static final Pattern VERSION = Pattern.compile("[0-9A-Za-z.+-]{1,64}");

    private AddonIds() {
    }

    static String check(String id) {
        if (id == null) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "'id' is required");
        }
        if (!ID.matcher(id).matches()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "not an addon id (expected [a-z][a-z0-9_]{1,39}): '"
                    + id + "'");
        }
        return id;
    }

    static Optional<String> checkVersion(String version) {
        if (version == null) {
            return Optional.empty();
        }
        if (!VERSION.matcher(version).matches()) {
            throw new AgentException(ErrorCode.BAD_REQUEST, "not a version: '" + version + "'");
        }
        return Optional.of(version);
    }
}
