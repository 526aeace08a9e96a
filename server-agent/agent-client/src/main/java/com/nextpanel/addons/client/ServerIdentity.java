package com.nextpanel.addons.client;

import java.time.Instant;

/**
 * What {@link AgentClient#probe} saw: the SHA-256 fingerprint of the server's leaf certificate (to show
 * the user for trust on first use), its subject and expiry, and whether health answered UP.
 */
public record ServerIdentity(String fingerprint, String subject, Instant notAfter, boolean healthy) {
    /** @return the fingerprint as colon-separated pairs, for reading aloud */
    public String prettyFingerprint() {
        return Fingerprints.pretty(fingerprint);
    }
}
