package dev.nodepulse.kubelet.webconfig;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class BcryptTest {

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void piWordsAreBlowfishsPublishedInitialValues() {
        int[] pi = PiWords.fraction(18 + 1024);
        // P1, P18, S1[0], S4[255] as the Blowfish description lists them (and BBP digit extraction confirms).
        assertEquals(0x243F6A88, pi[0]);
        assertEquals(0x85A308D3, pi[1]);
        assertEquals(0x8979FB1B, pi[17]);
        assertEquals(0xD1310BA6, pi[18]);
        assertEquals(0x3AC372E6, pi[1041]);
        // More words change none of the earlier ones (the guard words absorb the truncation).
        int[] longer = PiWords.fraction(1100);
        assertArrayEquals(pi, java.util.Arrays.copyOf(longer, pi.length));
    }

    @Test
    void publishedVectors() {
        // OpenBSD's and jBCrypt's test vectors, also checked against libxcrypt's crypt(3) on a Debian host.
        String[][] vectors = {
            {"", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s."},
            {"a", "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe"},
            {"abc", "$2a$06$If6bvum7DFjUnE9p2uDeDu0YHzrHM6tf.iqN8.yx.jNN1ILEf7h0i"},
            {"abcdefghijklmnopqrstuvwxyz", "$2a$06$.rCVZVOThsIa97pEDOxvGuRRgzG64bvtJ0938xuqzv18d3ZpQhstC"},
            {"~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO"},
            // exporter-toolkit's test hash of "fakepassword"
            {"fakepassword", "$2y$10$QOauhQNbBCuQDKes6eFzPeMqBSjb7Mr5DUmpZ/VcEd00UAV/LDeSi"},
        };
        for (String[] v : vectors) {
            assertTrue(Bcrypt.matches(v[1], utf8(v[0])), v[0]);
            assertFalse(Bcrypt.matches(v[1], utf8(v[0] + "x")), v[0] + "x");
            String salt = v[1].substring(7, 29);
            String encoded = Bcrypt.encode(Bcrypt.hash(utf8(v[0]), Bcrypt.decode(salt, 16), Integer.parseInt(v[1].substring(4, 6))));
            assertEquals(v[1].substring(29), encoded, v[0]);
        }
    }

    @Test
    void onlyTheFirst72BytesCount() {
        // libxcrypt: crypt("x" * 80, "$2b$04$abcdefghijklmnopqrstuu") equals the 72-character password's hash.
        String h = "$2b$04$abcdefghijklmnopqrstuubzadhGtS2zEF.gu0yd0opP6cVzb.e0i";
        assertTrue(Bcrypt.matches(h, utf8("x".repeat(72))));
        assertTrue(Bcrypt.matches(h, utf8("x".repeat(80))));
        assertTrue(Bcrypt.matches(h, utf8("x".repeat(300))), "no 8-bit length wrap-around, as in Go");
        assertFalse(Bcrypt.matches(h, utf8("x".repeat(71))));
        assertTrue(Bcrypt.matches("$2b$04$abcdefghijklmnopqrstuu.gc7UY/21CSNJGJg21jJzx9QiOpJ9bO", utf8("x".repeat(71))));
    }

    @Test
    void everyMinorVersionIsComputedAlikeAsGoDoes() {
        String b = "$2b$04$abcdefghijklmnopqrstuupbTYcnxA/97XWTNCVRF4vpn27Txw6l6"; // libxcrypt, "\u00ff\u00a3" in UTF-8
        byte[] eightBit = utf8("\u00ff\u00a3");
        assertTrue(Bcrypt.matches(b, eightBit));
        for (char minor : "axy".toCharArray()) {
            assertTrue(Bcrypt.matches("$2" + minor + b.substring(3), eightBit), String.valueOf(minor));
        }
        // libxcrypt's $2x$ reproduces an old sign-extension bug for 8-bit passwords; Go (and so exporter-toolkit)
        // does not, so such a hash does not verify here either.
        assertFalse(Bcrypt.matches("$2x$04$abcdefghijklmnopqrstuuK6db4AEX3WxmKt.tnD5Clrh.nHK4yiq", eightBit));
    }

    @Test
    void malformedHashesDoNotMatch() {
        String ok = "$2a$06$m0CrhHm10qJ3lXRY.5zDGO3rS2KdeeWLuGmsfGlMfOxih58VYVfxe";
        assertTrue(Bcrypt.matches(ok, utf8("a")));
        for (String bad : List.of("", "plaintext", ok.substring(1), ok + "e", ok.replace("$2a$", "$2c$"),
                ok.replace("$2a$", "$3a$"), ok.replace("$06$", "$03$"), ok.replace("$06$", "$32$"),
                ok.replace("$06$", "$0x$"), ok.replace("m0Cr", "m0C!"), ok.replace("$2a$06$", "$2a$06"),
                ok.substring(0, 59) + "é")) {
            assertFalse(Bcrypt.matches(bad, utf8("a")), bad);
        }
    }

    @Test
    void base64RoundTripsAndRejectsForeignCharacters() {
        byte[] b = new byte[23];
        new Random(7).nextBytes(b);
        String s = Bcrypt.encode(b);
        assertEquals(31, s.length());
        assertArrayEquals(b, Bcrypt.decode(s, 23));
        assertEquals("..", Bcrypt.encode(new byte[1]));
        assertNull(Bcrypt.decode("ab+d", 3));
        assertNull(Bcrypt.decode("ab", 3), "too short");
    }

    @Test
    void agreesWithTheSystemsCryptOnRandomInput() throws Exception {
        // libxcrypt's crypt(3) through Python is an independent bcrypt: hash there, verify here.
        Random r = new Random(20240611);
        List<String> passwords = new ArrayList<>();
        List<String> salts = new ArrayList<>();
        String alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        for (int i = 0; i < 12; i++) {
            StringBuilder p = new StringBuilder();
            int len = i == 0 ? 0 : r.nextInt(90);
            for (int j = 0; j < len; j++) {
                p.append((char) (j % 7 == 3 ? 0xA0 + r.nextInt(0x2F0) : 0x20 + r.nextInt(0x5F)));
            }
            passwords.add(p.toString());
            StringBuilder s = new StringBuilder();
            for (int j = 0; j < 22; j++) {
                s.append(alphabet.charAt(r.nextInt(64)));
            }
            salts.add("$2" + "aby".charAt(i % 3) + "$0" + (4 + i % 3) + "$" + s);
        }
        StringBuilder code = new StringBuilder("import crypt, sys\n");
        for (int i = 0; i < passwords.size(); i++) {
            code.append("print(crypt.crypt(").append(pyString(passwords.get(i))).append(", '").append(salts.get(i))
                    .append("'))\n");
        }
        String out = python(code.toString());
        assumeTrue(out != null && out.startsWith("$2"), "no bcrypt-capable crypt(3) via python3");
        String[] hashes = out.trim().split("\n");
        assertEquals(passwords.size(), hashes.length, out);
        for (int i = 0; i < hashes.length; i++) {
            assertTrue(hashes[i].startsWith(salts.get(i).substring(0, 28)), hashes[i]);
            assertTrue(Bcrypt.matches(hashes[i], utf8(passwords.get(i))), passwords.get(i) + " " + hashes[i]);
            assertFalse(Bcrypt.matches(hashes[i], utf8("!" + passwords.get(i))), hashes[i]);
        }
    }

    private static String pyString(String s) {
        StringBuilder sb = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            sb.append(String.format("\\u%04x", (int) c));
        }
        return sb.append('\'').toString();
    }

    private static String python(String code) {
        try {
            Process p = new ProcessBuilder("python3", "-W", "ignore", "-c", code).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0 ? out : null;
        } catch (Exception e) {
            return null;
        }
    }
}
