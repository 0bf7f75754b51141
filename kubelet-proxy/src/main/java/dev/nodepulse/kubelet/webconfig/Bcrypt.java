package dev.nodepulse.kubelet.webconfig;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * bcrypt password checks (Provos and Mazières, "A Future-Adaptable Password Scheme", USENIX 1999), as
 * golang.org/x/crypto/bcrypt does them for exporter-toolkit's basic_auth_users: the key is the password and a
 * NUL byte, of which at most 72 bytes count; every minor version ($2a$, $2b$, $2x$, $2y$) is computed the same
 * way; the result is compared in its encoded form, in constant time.
 *
 * <p>Written from the paper and the Blowfish description so that basic auth needs no cryptography library; the
 * tests hold it to published vectors and to the system's crypt(3).
 */
final class Bcrypt {

    private static final String ALPHABET = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final int[] CODES = new int[128];
    /** "OrpheanBeholderScryDoubt", the text bcrypt encrypts 64 times. */
    private static final int[] MAGIC = words("OrpheanBeholderScryDoubt".getBytes(StandardCharsets.US_ASCII));
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 23;
    private static final int MAX_KEY_BYTES = 72;

    static {
        java.util.Arrays.fill(CODES, -1);
        for (int i = 0; i < ALPHABET.length(); i++) {
            CODES[ALPHABET.charAt(i)] = i;
        }
    }

    private Bcrypt() {}

    /** Whether {@code password} hashes to {@code hash} ("$2b$10$" + 22 characters of salt + 31 of hash); false if malformed. */
    static boolean matches(String hash, byte[] password) {
        int at = hash.length() == 60 ? 4 : -1;
        if (at < 0 || !hash.startsWith("$2") || "abxy".indexOf(hash.charAt(2)) < 0 || hash.charAt(3) != '$'
                || hash.charAt(6) != '$' || !Character.isDigit(hash.charAt(4)) || !Character.isDigit(hash.charAt(5))) {
            return false;
        }
        int cost = Integer.parseInt(hash.substring(4, 6));
        byte[] salt = decode(hash.substring(7, 29), SALT_BYTES);
        if (cost < 4 || cost > 31 || salt == null || decode(hash.substring(29), HASH_BYTES) == null) {
            return false;
        }
        String computed = encode(hash(password, salt, cost));
        return MessageDigest.isEqual(computed.getBytes(StandardCharsets.US_ASCII),
                hash.substring(29).getBytes(StandardCharsets.US_ASCII));
    }

    /** The 23 bytes bcrypt keeps of its ciphertext. */
    static byte[] hash(byte[] password, byte[] salt, int cost) {
        byte[] key = new byte[Math.min(password.length + 1, MAX_KEY_BYTES)];
        System.arraycopy(password, 0, key, 0, Math.min(password.length, key.length));
        Blowfish state = Blowfish.initial();
        // EksBlowfishSetup: the salted key schedule, then 2^cost alternating re-keyings with key and salt.
        state.expand(key, salt);
        for (long i = 1L << cost; i > 0; i--) {
            state.expand(key, null);
            state.expand(salt, null);
        }
        int[] text = MAGIC.clone();
        for (int i = 0; i < 64; i++) {
            for (int b = 0; b < text.length; b += 2) {
                state.encrypt(text, b);
            }
        }
        byte[] out = new byte[HASH_BYTES];
        for (int i = 0; i < HASH_BYTES; i++) {
            out[i] = (byte) (text[i / 4] >>> (24 - 8 * (i % 4)));
        }
        return out;
    }

    /** bcrypt's base64: its own alphabet, no padding. */
    static String encode(byte[] b) {
        StringBuilder sb = new StringBuilder((b.length * 8 + 5) / 6);
        int acc = 0;
        int bits = 0;
        for (byte x : b) {
            acc = (acc << 8) | (x & 0xFF);
            bits += 8;
            while (bits >= 6) {
                bits -= 6;
                sb.append(ALPHABET.charAt((acc >>> bits) & 0x3F));
            }
        }
        if (bits > 0) {
            sb.append(ALPHABET.charAt((acc << (6 - bits)) & 0x3F));
        }
        return sb.toString();
    }

    /** The first {@code bytes} bytes the text encodes (bits beyond them ignored, as Go does); null if it is not bcrypt base64. */
    static byte[] decode(String s, int bytes) {
        byte[] out = new byte[bytes];
        int n = 0;
        int acc = 0;
        int bits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int v = c < 128 ? CODES[c] : -1;
            if (v < 0) {
                return null;
            }
            acc = (acc << 6) | v;
            bits += 6;
            if (bits >= 8) {
                bits -= 8;
                if (n < bytes) {
                    out[n++] = (byte) (acc >>> bits);
                }
            }
        }
        return n == bytes ? out : null;
    }

    private static int[] words(byte[] b) {
        int[] w = new int[b.length / 4];
        for (int i = 0; i < w.length; i++) {
            w[i] = (b[4 * i] & 0xFF) << 24 | (b[4 * i + 1] & 0xFF) << 16 | (b[4 * i + 2] & 0xFF) << 8 | (b[4 * i + 3] & 0xFF);
        }
        return w;
    }

    /** The Blowfish cipher state (P-array and four S-boxes) that bcrypt's expensive key schedule works on. */
    static final class Blowfish {

        private static final int[] PI = PiWords.fraction(18 + 4 * 256);

        private final int[] p;
        private final int[] s;

        private Blowfish(int[] p, int[] s) {
            this.p = p;
            this.s = s;
        }

        static Blowfish initial() {
            return new Blowfish(java.util.Arrays.copyOfRange(PI, 0, 18), java.util.Arrays.copyOfRange(PI, 18, PI.length));
        }

        /**
         * Blowfish's key expansion as bcrypt generalises it: P is XORed with the key, then P and the S-boxes are
         * replaced by successive encryptions of a block that, when {@code salt} is given, is first XORed with the
         * next 64 bits of the salt (both key and salt used cyclically).
         */
        void expand(byte[] key, byte[] salt) {
            int[] k = {0};
            for (int i = 0; i < p.length; i++) {
                p[i] ^= streamWord(key, k);
            }
            int[] block = new int[2];
            int[] j = {0};
            for (int i = 0; i < p.length; i += 2) {
                next(block, salt, j);
                p[i] = block[0];
                p[i + 1] = block[1];
            }
            for (int i = 0; i < s.length; i += 2) {
                next(block, salt, j);
                s[i] = block[0];
                s[i + 1] = block[1];
            }
        }

        private void next(int[] block, byte[] salt, int[] j) {
            if (salt != null) {
                block[0] ^= streamWord(salt, j);
                block[1] ^= streamWord(salt, j);
            }
            encrypt(block, 0);
        }

        /** Encrypts the 64-bit block {@code lr[i], lr[i + 1]} in place: 16 Feistel rounds. */
        void encrypt(int[] lr, int i) {
            int l = lr[i];
            int r = lr[i + 1];
            l ^= p[0];
            for (int round = 1; round <= 16; round += 2) {
                r ^= f(l) ^ p[round];
                l ^= f(r) ^ p[round + 1];
            }
            lr[i] = r ^ p[17];
            lr[i + 1] = l;
        }

        private int f(int x) {
            return ((s[x >>> 24] + s[256 | (x >>> 16) & 0xFF]) ^ s[512 | (x >>> 8) & 0xFF]) + s[768 | x & 0xFF];
        }

        /** The next four bytes of {@code data}, big-endian, wrapping around at its end. */
        private static int streamWord(byte[] data, int[] pos) {
            int w = 0;
            for (int i = 0; i < 4; i++) {
                w = (w << 8) | (data[pos[0]] & 0xFF);
                pos[0] = (pos[0] + 1) % data.length;
            }
            return w;
        }
    }
}
