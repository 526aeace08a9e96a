package com.nextpanel.addons.console.servers;

import java.util.Objects;
import java.util.Optional;

/**
 * A server the console knows: a name, the agent's URL and, once trusted, the SHA-256 fingerprint of its
 * certificate. The token is not part of it: it lives in its own file that only the user can read.
 */
public record ServerProfile(String name, String url, Optional<String> fingerprint) {

    public ServerProfile {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        fingerprint = fingerprint == null ? Optional.empty() : fingerprint;
    }

    public ServerProfile withFingerprint(String fp) {
        return new ServerProfile(name, url, Optional.ofNullable(fp));
    }

    /** @return the name as a file name: lower-case letters, digits, dashes */
    public String slug() {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "server" : s;
    }
}
