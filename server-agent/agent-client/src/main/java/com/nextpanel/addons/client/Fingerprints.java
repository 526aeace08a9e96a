package com.nextpanel.addons.client;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/** SHA-256 fingerprints of certificates, as the agent writes them to {@code tls.sha256}: lower-case hex. */
public final class Fingerprints {

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");

    private Fingerprints() {
    }

    /** @return the SHA-256 of the certificate's DER encoding, as 64 lower-case hex digits */
    public static String sha256(X509Certificate certificate) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded());
            return HexFormat.of().formatHex(digest);
        } catch (CertificateEncodingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("cannot fingerprint certificate " + certificate.getSubjectX500Principal(), e);
        }
    }

    /**
     * Accepts a fingerprint as people paste it: upper or lower case, with or without colons or spaces,
     * optionally prefixed {@code sha256:} or {@code SHA256:}.
     *
     * @return 64 lower-case hex digits
     * @throws IllegalArgumentException naming the value when it is not a SHA-256 fingerprint
     */
    public static String normalize(String fingerprint) {
        if (fingerprint == null) {
            throw new IllegalArgumentException("fingerprint is missing");
        }
        String s = fingerprint.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("sha256:") || s.startsWith("sha-256:")) {
            s = s.substring(s.indexOf(':') + 1);
        }
        s = s.replace(":", "").replace(" ", "").replace("-", "");
        if (!HEX64.matcher(s).matches()) {
            throw new IllegalArgumentException("not a SHA-256 fingerprint (64 hex digits): '" + fingerprint.trim() + "'");
        }
        return s;
    }

    /** @return the fingerprint grouped in pairs with colons, for showing to people */
    public static String pretty(String fingerprint) {
        String n = normalize(fingerprint).toUpperCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(95);
        for (int i = 0; i < n.length(); i += 2) {
            if (i > 0) {
                sb.append(':');
            }
            sb.append(n, i, i + 2);
        }
        return sb.toString();
    }
}
