package dev.nodepulse.kubelet.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * PEM certificates and private keys as Go's {@code tls.X509KeyPair} reads them: certificate chains, and keys
 * in PKCS#8 ({@code PRIVATE KEY}), PKCS#1 ({@code RSA PRIVATE KEY}) or SEC1 ({@code EC PRIVATE KEY}) form,
 * other blocks (such as {@code EC PARAMETERS}) skipped. A key that does not belong to the certificate is refused.
 */
public final class PemFiles {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----\\r?\\n(.*?)-----END \\1-----", Pattern.DOTALL);

    private PemFiles() {}

    /** A private key with the certificate chain it belongs to, leaf first. */
    public record KeyPair(PrivateKey key, List<X509Certificate> chain) {}

    public static KeyPair readKeyPair(Path certFile, Path keyFile) throws IOException, GeneralSecurityException {
        String certs;
        String key;
        try {
            certs = Files.readString(certFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException("cannot read certificate file " + certFile + ": " + e.getMessage(), e);
        }
        try {
            key = Files.readString(keyFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new IOException("cannot read key file " + keyFile + ": " + e.getMessage(), e);
        }
        return keyPair(certs, key);
    }

    public static KeyPair keyPair(String certPem, String keyPem) throws GeneralSecurityException {
        List<X509Certificate> chain = certificates(certPem);
        if (chain.isEmpty()) {
            throw new CertificateException("failed to find any PEM data in certificate input");
        }
        PrivateKey key = privateKey(keyPem);
        if (!matches(key, chain.get(0).getPublicKey())) {
            throw new InvalidKeySpecException("private key does not match public key");
        }
        return new KeyPair(key, chain);
    }

    public static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        return certificates(Files.readString(file, StandardCharsets.US_ASCII));
    }

    /** Every CERTIFICATE block, in order; other blocks are ignored. */
    public static List<X509Certificate> certificates(String pem) throws GeneralSecurityException {
        CertificateFactory cf = CertificateFactory.getInstance("X.509");
        List<X509Certificate> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            if (m.group(1).equals("CERTIFICATE")) {
                out.add((X509Certificate) cf.generateCertificate(new ByteArrayInputStream(base64(m.group(2)))));
            }
        }
        return out;
    }

    /** The first private key block. */
    public static PrivateKey privateKey(String pem) throws GeneralSecurityException {
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            String type = m.group(1);
            if (!type.endsWith("PRIVATE KEY")) {
                continue;
            }
            if (type.startsWith("ENCRYPTED")) {
                throw new InvalidKeySpecException("encrypted private keys are not supported");
            }
            byte[] der = base64(m.group(2));
            return switch (type) {
                case "PRIVATE KEY" -> pkcs8(der);
                case "RSA PRIVATE KEY" -> pkcs8(Der.sequence(Der.integer(0),
                        Der.sequence(Der.oid("1.2.840.113549.1.1.1"), Der.nul()), Der.octetString(der)));
                case "EC PRIVATE KEY" -> pkcs8(sec1ToPkcs8(der));
                default -> throw new InvalidKeySpecException("unsupported private key type \"" + type + "\"");
            };
        }
        throw new InvalidKeySpecException("failed to find any PEM data in key input");
    }

    public static String toPem(String type, byte[] der) {
        String b64 = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + b64 + "\n-----END " + type + "-----\n";
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        GeneralSecurityException last = null;
        for (String alg : new String[] {"RSA", "EC", "Ed25519", "Ed448", "RSASSA-PSS"}) {
            try {
                return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(der));
            } catch (GeneralSecurityException e) {
                last = e;
            }
        }
        throw new InvalidKeySpecException("unreadable PKCS#8 private key", last);
    }

    /** SEC1's ECPrivateKey names its curve in field [0]; PKCS#8 wants it in the algorithm identifier. */
    private static byte[] sec1ToPkcs8(byte[] sec1) throws GeneralSecurityException {
        Der.Element key = Der.Element.read(sec1, 0, sec1.length);
        byte[] curve = null;
        for (Der.Element e : key.children()) {
            if (e.tag() == 0xa0) {
                curve = e.children().get(0).encoded();
            }
        }
        if (curve == null) {
            throw new InvalidKeySpecException("EC private key without a named curve");
        }
        return Der.sequence(Der.integer(0), Der.sequence(Der.oid("1.2.840.10045.2.1"), curve), Der.octetString(sec1));
    }

    private static boolean matches(PrivateKey key, PublicKey pub) {
        String alg = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "RSASSA-PSS" -> "RSASSA-PSS";
            default -> key.getAlgorithm();
        };
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature s = Signature.getInstance(alg);
            if (alg.equals("RSASSA-PSS")) {
                s.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            s.initSign(key);
            s.update(probe);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            if (alg.equals("RSASSA-PSS")) {
                v.setParameter(new java.security.spec.PSSParameterSpec("SHA-256", "MGF1",
                        java.security.spec.MGF1ParameterSpec.SHA256, 32, 1));
            }
            v.initVerify(pub);
            v.update(probe);
            return v.verify(sig);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static byte[] base64(String body) throws InvalidKeySpecException {
        try {
            return Base64.getMimeDecoder().decode(body);
        } catch (IllegalArgumentException e) {
            throw new InvalidKeySpecException("bad base64 in PEM block");
        }
    }
}
