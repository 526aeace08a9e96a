package com.nextpanel.addons.catalog.tuf;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/** SHA-2 digests in lower-case hex, by their TUF names. */
public final class Hashes {

    private static final Map<String, String> JCA_NAMES = Map.of(
            "sha256", "SHA-256", "sha384", "SHA-384", "sha512", "SHA-512");

    private Hashes() {
    }

    public static String sha256Hex(byte[] data) {
        return HexFormat.of().formatHex(digest("sha256").orElseThrow().digest(data));
    }

    /** @return a fresh digest for a TUF hash name ({@code sha256}, {@code sha384}, {@code sha512}), if known */
    public static Optional<MessageDigest> digest(String tufName) {
        String jca = JCA_NAMES.get(tufName.toLowerCase(Locale.ROOT));
        if (jca == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(MessageDigest.getInstance(jca));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK always has " + jca, e);
        }
    }

    /**
     * Checks {@code data} against every hash in {@code expected} that we know.
     *
     * @return the name of the first hash that differs, or of the only unknown ones when none is known
     */
    public static Optional<String> firstMismatch(byte[] data, Map<String, String> expected) {
        boolean anyKnown = false;
        for (Map.Entry<String, String> e : expected.entrySet()) {
            Optional<MessageDigest> md = digest(e.getKey());
            if (md.isEmpty()) {
                continue;
            }
            anyKnown = true;
            if (!HexFormat.of().formatHex(md.get().digest(data)).equalsIgnoreCase(e.getValue())) {
                return Optional.of(e.getKey());
            }
        }
        return anyKnown || expected.isEmpty() ? Optional.empty() : Optional.of(String.join(",", expected.keySet()));
    }
}
