package com.nextpanel.addons.agent.server;

import com.nextpanel.addons.agent.AgentException;
import com.nextpanel.addons.agent.ErrorCode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The agent's TLS identity: a self-signed certificate made on first start and kept in the data dir, so that
 * a console that pinned its fingerprint (trust on first use) keeps trusting it across restarts.
 *
 * <p>Files: {@value #KEYSTORE} (PKCS12, mode 600) with its random password in {@value #PASSWORD} (mode 600),
 * {@value #FINGERPRINT} (SHA-256 of the DER certificate, lower-case hex, no separators) and {@value #PEM}
 * (the certificate, for {@code curl --cacert}).
 */
public final class TlsIdentity {

    public static final String KEYSTORE = "tls.p12";
    public static final String PASSWORD = "tls.password";
    public static final String FINGERPRINT = "tls.sha256";
    public static final String PEM = "tls.crt";
    static final String ALIAS = "agent";

    private final KeyStore keyStore;
    private final String password;
    private final X509Certificate certificate;
    private final boolean created;

    private TlsIdentity(KeyStore keyStore, String password, X509Certificate certificate, boolean created) {
        this.keyStore = keyStore;
        this.password = password;
        this.certificate = certificate;
        this.created = created;
    }

    /**
     * Loads the identity from {@code dataDir}, or makes one when there is none yet.
     *
     * @param hostNames extra names for the certificate (the bind address); {@code localhost}, {@code 127.0.0.1}
     *                  and {@code ::1} are always in it
     */
    public static TlsIdentity loadOrCreate(Path dataDir, List<String> hostNames) {
        Path keystore = dataDir.resolve(KEYSTORE);
        try {
            if (Files.exists(keystore)) {
                return load(dataDir);
            }
            return create(dataDir, hostNames);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new AgentException(ErrorCode.INTERNAL, "cannot load or create the TLS certificate "
                    + keystore + ": " + e.getMessage(), e);
        }
    }

    /** @return the key store holding the private key and certificate under one alias */
    public KeyStore keyStore() {
        return keyStore;
    }

    /** @return the key store's password */
    public String password() {
        return password;
    }

    public X509Certificate certificate() {
        return certificate;
    }

    /** @return true when this start made the certificate */
    public boolean created() {
        return created;
    }

    /** @return SHA-256 of the DER certificate, lower-case hex without separators */
    public String fingerprint() {
        return fingerprint(certificate);
    }

    /** @return SHA-256 of the DER encoding of {@code certificate}, lower-case hex without separators */
    public static String fingerprint(X509Certificate certificate) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(certificate.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is always available", e);
        }
    }

    private static TlsIdentity load(Path dataDir) throws IOException, GeneralSecurityException {
        String password = Files.readString(dataDir.resolve(PASSWORD), StandardCharsets.UTF_8).strip();
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dataDir.resolve(KEYSTORE))) {
            store.load(in, password.toCharArray());
        }
        X509Certificate cert = (X509Certificate) store.getCertificate(ALIAS);
        if (cert == null) {
            throw new GeneralSecurityException("no certificate under alias '" + ALIAS + "'");
        }
        TlsIdentity identity = new TlsIdentity(store, password, cert, false);
        // The fingerprint file is a published copy: rewrite it if someone removed or changed it.
        Path fingerprintFile = dataDir.resolve(FINGERPRINT);
        String expected = identity.fingerprint() + "\n";
        if (!Files.exists(fingerprintFile) || !Files.readString(fingerprintFile).equals(expected)) {
            identity.publish(dataDir);
        }
        return identity;
    }

    private static TlsIdentity create(Path dataDir, List<String> hostNames)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair pair = generator.generateKeyPair();
        X509Certificate cert = selfSign(pair, hostNames);

        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, pair.getPrivate(), password.toCharArray(), new X509Certificate[] {cert});
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        store.store(bytes, password.toCharArray());

        SecureFiles.writeAtomically(dataDir.resolve(PASSWORD), password.getBytes(StandardCharsets.UTF_8),
                SecureFiles.OWNER_ONLY);
        SecureFiles.writeAtomically(dataDir.resolve(KEYSTORE), bytes.toByteArray(), SecureFiles.OWNER_ONLY);
        TlsIdentity identity = new TlsIdentity(store, password, cert, true);
        identity.publish(dataDir);
        return identity;
    }

    private void publish(Path dataDir) throws IOException, GeneralSecurityException {
        SecureFiles.writeAtomically(dataDir.resolve(FINGERPRINT),
                (fingerprint() + "\n").getBytes(StandardCharsets.US_ASCII), SecureFiles.WORLD_READABLE);
        String pem = "-----BEGIN CERTIFICATE-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                        .encodeToString(certificate.getEncoded())
                + "\n-----END CERTIFICATE-----\n";
        SecureFiles.writeAtomically(dataDir.resolve(PEM), pem.getBytes(StandardCharsets.US_ASCII),
                SecureFiles.WORLD_READABLE);
    }

    private static X509Certificate selfSign(KeyPair pair, List<String> hostNames)
            throws IOException, GeneralSecurityException, OperatorCreationException {
        X500Name subject = new X500Name("CN=NextPanel agent,O=NextPanel");
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                subject, pair.getPublic());
        builder.addExtension(Extension.subjectAlternativeName, false, alternativeNames(hostNames));
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
        return new JcaX509CertificateConverter().getCertificate(
                builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate())));
    }

    private static GeneralNames alternativeNames(List<String> hostNames) {
        Set<String> names = new LinkedHashSet<>(List.of("localhost", "127.0.0.1", "::1"));
        for (String name : hostNames) {
            if (!name.isBlank() && !name.equals("0.0.0.0") && !name.equals("::")) {
                names.add(name);
            }
        }
        List<GeneralName> general = new ArrayList<>();
        for (String name : names) {
            general.add(isIpLiteral(name) ? new GeneralName(GeneralName.iPAddress, name)
                    : new GeneralName(GeneralName.dNSName, name));
        }
        return new GeneralNames(general.toArray(GeneralName[]::new));
    }

    private static boolean isIpLiteral(String name) {
        if (name.contains(":")) {
            return true;
        }
        if (!name.matches("[0-9.]+")) {
            return false;
        }
        try {
            InetAddress.getByName(name);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
