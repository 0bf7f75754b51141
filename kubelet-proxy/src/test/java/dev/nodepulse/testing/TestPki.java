package dev.nodepulse.testing;

import dev.nodepulse.kubelet.tls.PemFiles;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Certificate authorities and certificates for tests, made with BouncyCastle (independent of the project's
 * own DER encoder, so a test does not check that code against itself).
 */
public final class TestPki {

    private TestPki() {}

    public static PemFiles.KeyPair ca(String cn) throws Exception {
        KeyPair kp = ecKey();
        return new PemFiles.KeyPair(kp.getPrivate(), List.of(build(cn, List.of(), kp, kp, null, true, null, List.of())));
    }

    /** A certificate signed by {@code issuer}; {@code usage} is a KeyPurposeId or null for no EKU extension. */
    public static PemFiles.KeyPair issue(PemFiles.KeyPair issuer, String cn, List<String> orgs, KeyPurposeId usage,
            List<String> ipSans) throws Exception {
        KeyPair kp = ecKey();
        KeyPair issuerPair = new KeyPair(issuer.chain().get(0).getPublicKey(), issuer.key());
        X509Certificate c = build(cn, orgs, kp, issuerPair, issuer.chain().get(0), false, usage, ipSans);
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(c);
        return new PemFiles.KeyPair(kp.getPrivate(), chain);
    }

    private static KeyPair ecKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static X509Certificate build(String cn, List<String> orgs, KeyPair subject, KeyPair signer,
            X509Certificate issuerCert, boolean isCa, KeyPurposeId usage, List<String> ipSans) throws Exception {
        X500NameBuilder name = new X500NameBuilder(BCStyle.INSTANCE);
        for (String o : orgs) {
            name.addRDN(BCStyle.O, o);
        }
        name.addRDN(BCStyle.CN, cn);
        Instant now = Instant.now();
        javax.security.auth.x500.X500Principal subjectName = new javax.security.auth.x500.X500Principal(
                name.build().getEncoded());
        var b = new JcaX509v3CertificateBuilder(
                issuerCert == null ? subjectName : issuerCert.getSubjectX500Principal(),
                BigInteger.valueOf(System.nanoTime()), Date.from(now.minusSeconds(60)),
                Date.from(now.plus(Duration.ofDays(1))), subjectName, subject.getPublic());
        b.addExtension(Extension.basicConstraints, true, new BasicConstraints(isCa));
        if (usage != null) {
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(usage));
        }
        if (!ipSans.isEmpty()) {
            GeneralName[] names = ipSans.stream().map(ip -> new GeneralName(GeneralName.iPAddress, ip))
                    .toArray(GeneralName[]::new);
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
        }
        return new JcaX509CertificateConverter().getCertificate(
                b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer.getPrivate())));
    }
}
