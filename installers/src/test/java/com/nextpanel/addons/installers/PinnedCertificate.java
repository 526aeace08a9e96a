package com.nextpanel.addons.installers;

import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Trusts exactly the server certificate whose SHA-256 fingerprint the agent wrote to tls.sha256 (trust on
 * first use, as the console does). Being an X509ExtendedTrustManager, it also stands in for host name
 * checks: the pin is stronger than a name.
 */
final class PinnedCertificate extends X509ExtendedTrustManager {

    private final String sha256Hex;

    private PinnedCertificate(String sha256Hex) {
        this.sha256Hex = sha256Hex;
    }

    /** An SSL context pinned to a fingerprint written as hex, with or without colons. */
    static SSLContext sslContext(String fingerprint) throws GeneralSecurityException {
        String hex = fingerprint.strip().replace(":", "").toLowerCase(Locale.ROOT);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] {new PinnedCertificate(hex)}, null);
        return context;
    }

    private void check(X509Certificate[] chain) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("the server sent no certificate");
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(chain[0].getEncoded());
            String actual = HexFormat.of().formatHex(digest);
            if (!actual.equals(sha256Hex)) {
                throw new CertificateException("server certificate " + actual + " is not the pinned " + sha256Hex);
            }
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new CertificateException(e);
        }
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        throw new CertificateException("not a server");
    }

    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return new X509Certificate[0];
    }
}
