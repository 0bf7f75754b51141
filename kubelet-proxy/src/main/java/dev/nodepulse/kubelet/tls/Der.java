package dev.nodepulse.kubelet.tls;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

/**
 * The few ASN.1 DER constructs the TLS code needs: enough to write an X.509 certificate and to rewrap
 * PKCS#1 and SEC1 private keys as PKCS#8, which is all the JDK's key factories read.
 */
final class Der {

    static final int SEQUENCE = 0x30;
    static final int SET = 0x31;
    static final int INTEGER = 0x02;
    static final int BIT_STRING = 0x03;
    static final int OCTET_STRING = 0x04;
    static final int NULL = 0x05;
    static final int OID = 0x06;
    static final int UTF8_STRING = 0x0c;
    static final int UTC_TIME = 0x17;
    static final int GENERALIZED_TIME = 0x18;
    static final int BOOLEAN = 0x01;

    private Der() {}

    static byte[] tlv(int tag, byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 6);
        out.write(tag);
        int n = content.length;
        if (n < 0x80) {
            out.write(n);
        } else {
            int bytes = (32 - Integer.numberOfLeadingZeros(n) + 7) / 8;
            out.write(0x80 | bytes);
            for (int i = bytes - 1; i >= 0; i--) {
                out.write(n >>> (8 * i));
            }
        }
        out.writeBytes(content);
        return out.toByteArray();
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    static byte[] sequence(byte[]... parts) {
        return tlv(SEQUENCE, concat(parts));
    }

    static byte[] set(byte[]... parts) {
        return tlv(SET, concat(parts));
    }

    static byte[] integer(BigInteger v) {
        return tlv(INTEGER, v.toByteArray());
    }

    static byte[] integer(long v) {
        return integer(BigInteger.valueOf(v));
    }

    static byte[] bool(boolean v) {
        return tlv(BOOLEAN, new byte[] {(byte) (v ? 0xff : 0)});
    }

    static byte[] nul() {
        return new byte[] {NULL, 0};
    }

    static byte[] octetString(byte[] v) {
        return tlv(OCTET_STRING, v);
    }

    /** A BIT STRING with no unused bits. */
    static byte[] bitString(byte[] v) {
        byte[] c = new byte[v.length + 1];
        System.arraycopy(v, 0, c, 1, v.length);
        return tlv(BIT_STRING, c);
    }

    static byte[] utf8(String s) {
        return tlv(UTF8_STRING, s.getBytes(StandardCharsets.UTF_8));
    }

    /** Context-specific tag {@code [n]}: constructed (explicit) or primitive (implicit). */
    static byte[] context(int n, boolean constructed, byte[] content) {
        return tlv(0x80 | (constructed ? 0x20 : 0) | n, content);
    }

    static byte[] oid(String dotted) {
        String[] parts = dotted.split("\\.");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(Integer.parseInt(parts[0]) * 40 + Integer.parseInt(parts[1]));
        for (int i = 2; i < parts.length; i++) {
            long v = Long.parseLong(parts[i]);
            int groups = Math.max(1, (64 - Long.numberOfLeadingZeros(v) + 6) / 7);
            for (int g = groups - 1; g >= 0; g--) {
                int b = (int) ((v >>> (7 * g)) & 0x7f);
                out.write(g > 0 ? b | 0x80 : b);
            }
        }
        return tlv(OID, out.toByteArray());
    }

    /** X.509 validity time: UTCTime through 2049, GeneralizedTime after (RFC 5280 4.1.2.5). */
    static byte[] time(Instant t) {
        ZonedDateTime z = t.atZone(ZoneOffset.UTC);
        if (z.getYear() < 2050) {
            return tlv(UTC_TIME, DateTimeFormatter.ofPattern("yyMMddHHmmss'Z'").format(z).getBytes(StandardCharsets.US_ASCII));
        }
        return tlv(GENERALIZED_TIME,
                DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").format(z).getBytes(StandardCharsets.US_ASCII));
    }

    /** One decoded TLV: its tag and where its content lies in the buffer. */
    record Element(int tag, byte[] buf, int start, int end) {

        byte[] content() {
            return java.util.Arrays.copyOfRange(buf, start, end);
        }

        /** The whole TLV including its header, starting at {@code headerStart}. */
        static Element read(byte[] buf, int pos, int limit) throws java.security.GeneralSecurityException {
            if (pos + 2 > limit) {
                throw new java.security.spec.InvalidKeySpecException("truncated DER");
            }
            int tag = buf[pos] & 0xff;
            int len = buf[pos + 1] & 0xff;
            int p = pos + 2;
            if (len >= 0x80) {
                int bytes = len & 0x7f;
                if (bytes == 0 || bytes > 4 || p + bytes > limit) {
                    throw new java.security.spec.InvalidKeySpecException("bad DER length");
                }
                len = 0;
                for (int i = 0; i < bytes; i++) {
                    len = (len << 8) | (buf[p++] & 0xff);
                }
            }
            if (len < 0 || p + len > limit) {
                throw new java.security.spec.InvalidKeySpecException("DER length beyond the data");
            }
            return new Element(tag, buf, p, p + len);
        }

        /** The TLV elements inside this constructed element. */
        java.util.List<Element> children() throws java.security.GeneralSecurityException {
            java.util.List<Element> out = new java.util.ArrayList<>();
            int p = start;
            while (p < end) {
                Element e = read(buf, p, end);
                out.add(e);
                p = e.end;
            }
            return out;
        }

        /** This element re-encoded with its header. */
        byte[] encoded() {
            return tlv(tag, content());
        }
    }
}
