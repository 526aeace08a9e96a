package com.nextpanel.addons.client;

import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts exactly one server certificate: the one whose SHA-256 fingerprint was pinned, as SSH trusts a
 * host key. The agent's certificate is self-signed, so no CA chain can vouch for it; the pin is the
 * whole trust decision. With {@code pinned} absent it accepts any certificate and only records what it
 * saw: that mode exists for {@link AgentClient#probe} (trust on first use) and sends no token.
 */
final class PinnedTrustManager implements X509TrustManager {

    private final String pinned;
    private volatile X509Certificate lastPresented;

    private PinnedTrustManager(String pinned) {
        this.pinned = pinned;
    }

    static PinnedTrustManager pinning(String fingerprint) {
        return new PinnedTrustManager(Fingerprints.normalize(Objects.requireNonNull(fingerprint, "fingerprint")));
    }

    static PinnedTrustManager recordingAny() {
        return new PinnedTrustManager(null);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server presented no certificate");
        }
        lastPresented = chain[0];
        if (pinned == null) {
            return;
        }
        String presented = Fingerprints.sha256(chain[0]);
        if (!presented.equals(pinned)) {
            throw new FingerprintMismatchException(pinned, presented);
        }
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("this trust manager only checks servers");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }

    Optional<X509Certificate> lastPresented() {
        return Optional.ofNullable(lastPresented);
    }

    /** Thrown inside the TLS handshake; the client turns it into {@link ErrorCode#CERTIFICATE_CHANGED}. */
    static final class FingerprintMismatchException extends CertificateException {
        private static final long serialVersionUID = 1L;
        private final String presented;

        FingerprintMismatchException(String expected, String presented) {
            super("server certificate fingerprint " + presented + " does not match the pinned " + expected);
            this.presented = presented;
        }

        String presented() {
            return presented;
        }
    }
}
