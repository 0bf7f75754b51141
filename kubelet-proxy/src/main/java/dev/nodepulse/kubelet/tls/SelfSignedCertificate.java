package dev.nodepulse.kubelet.tls;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * A serving key pair made at start-up, as the kubelet makes one when given no certificate: an ECDSA P-256 key
 * and a self-signed certificate for the host's names and addresses.
 *
 * <p>Written with the JDK's public crypto API and a small DER encoder rather than by running {@code keytool}:
 * keytool needs a child process and a writable keystore file, and agents run as DaemonSets with read-only root
 * filesystems; this needs neither and takes a few milliseconds.
 */
public final class SelfSignedCertificate {

    private static final String ECDSA_WITH_SHA256 = "1.2.840.10045.4.3.2";

    private SelfSignedCertificate() {}

    /**
     * @param commonName subject CN, e.g. "worker-1@1714550400" as the kubelet names it
     * @param dnsNames   subjectAltName DNS entries
     * @param addresses  subjectAltName IP entries (literal addresses)
     */
    public static PemFiles.KeyPair generate(String commonName, List<String> dnsNames, List<String> addresses,
            Duration validity) throws GeneralSecurityException {
        KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
        gen.initialize(new ECGenParameterSpec("secp256r1"));
        java.security.KeyPair pair = gen.generateKeyPair();

        Instant notBefore = Instant.now().minusSeconds(300).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant notAfter = notBefore.plus(validity);
        byte[] serialBytes = new byte[16];
        new SecureRandom().nextBytes(serialBytes);
        BigInteger serial = new BigInteger(1, serialBytes);
        byte[] algorithm = Der.sequence(Der.oid(ECDSA_WITH_SHA256));
        byte[] name = Der.sequence(Der.set(Der.sequence(Der.oid("2.5.4.3"), Der.utf8(commonName))));

        List<byte[]> altNames = new ArrayList<>();
        for (String dns : dnsNames) {
            altNames.add(Der.context(2, false, dns.getBytes(java.nio.charset.StandardCharsets.US_ASCII)));
        }
        for (String ip : addresses) {
            try {
                altNames.add(Der.context(7, false, InetAddress.getByName(ip).getAddress()));
            } catch (UnknownHostException e) {
                throw new IllegalArgumentException("not an IP address: " + ip);
            }
        }
        byte[] extensions = Der.context(3, true, Der.sequence(
                extension("2.5.29.15", true, Der.tlv(Der.BIT_STRING, new byte[] {7, (byte) 0x80})), // digitalSignature
                extension("2.5.29.37", false, Der.sequence(Der.oid("1.3.6.1.5.5.7.3.1"))),          // serverAuth
                extension("2.5.29.19", true, Der.sequence()),                                      // not a CA
                extension("2.5.29.17", false, Der.sequence(altNames.toArray(new byte[0][])))));

        byte[] tbs = Der.sequence(
                Der.context(0, true, Der.integer(2)),
                Der.integer(serial),
                algorithm,
                name,
                Der.sequence(Der.time(notBefore), Der.time(notAfter)),
                name,
                pair.getPublic().getEncoded(),
                extensions);
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(pair.getPrivate());
        signer.update(tbs);
        byte[] cert = Der.sequence(tbs, algorithm, Der.bitString(signer.sign()));

        X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new java.io.ByteArrayInputStream(cert));
        x509.verify(pair.getPublic());
        return new PemFiles.KeyPair(pair.getPrivate(), List.of(x509));
    }

    private static byte[] extension(String oid, boolean critical, byte[] value) {
        return critical ? Der.sequence(Der.oid(oid), Der.bool(true), Der.octetString(value))
                : Der.sequence(Der.oid(oid), Der.octetString(value));
    }

    /** SHA-256 over the DER certificate, as {@code openssl x509 -fingerprint -sha256} prints it. */
    public static String fingerprint(X509Certificate cert) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(digest);
        } catch (CertificateEncodingException | java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The kubelet's CN for a self-signed serving certificate: host@unix-seconds. */
    public static String kubeletStyleCommonName(String host) {
        return host.toLowerCase(Locale.ROOT) + "@" + Instant.now().getEpochSecond();
    }
}
