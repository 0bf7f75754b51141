package dev.nodepulse.procfs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GoStrconvTest {

    @Test
    void uintWithBasePrefixes() {
        assertEquals(10, GoStrconv.parseUint("10", 0, 32));
        assertEquals(16, GoStrconv.parseUint("0x10", 0, 32));
        assertEquals(8, GoStrconv.parseUint("010", 0, 32));
        assertEquals(5, GoStrconv.parseUint("0b101", 0, 32));
        assertEquals(0, GoStrconv.parseUint("0", 0, 32));
        assertEquals(-1L, GoStrconv.parseUint("18446744073709551615", 10, 64));
        assertEquals(1000, GoStrconv.parseUint("1_000", 0, 64));
        assertEquals(-1L, GoStrconv.parseUint("0xffffffffffffffff", 0, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("4294967296", 0, 32));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("18446744073709551616", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("+1", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("+5", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("-5", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint(" 1", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("0x", 0, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("09", 0, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("08", 0, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("1_000", 10, 64), "underscores need base 0");
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("\u0661\u0662", 10, 64), "ASCII digits only");
    }

    @Test
    void intWithBasePrefixes() {
        assertEquals(42, GoStrconv.parseInt("42", 0, 64));
        assertEquals(-42, GoStrconv.parseInt("-42", 0, 64));
        assertEquals(31, GoStrconv.parseInt("0x1f", 0, 64));
        assertEquals(0x8380, GoStrconv.parseInt("0x8380", 0, 64));
        assertEquals(8, GoStrconv.parseInt("010", 0, 64));
        assertEquals(15, GoStrconv.parseInt("0o17", 0, 64));
        assertEquals(63, GoStrconv.parseInt("0o77", 0, 64));
        assertEquals(5, GoStrconv.parseInt("0b101", 0, 64));
        assertEquals(1000, GoStrconv.parseInt("0x_3e8", 0, 64));
        assertEquals(0, GoStrconv.parseInt("0", 0, 64));
        assertEquals(-12, GoStrconv.parseInt("-12", 0, 64));
        // Go's underscoreOK accepts separators between decimal digits too, with base 0 (strconv/atoi.go).
        assertEquals(1000, GoStrconv.parseInt("1_000", 0, 64));
        assertEquals(Long.MIN_VALUE, GoStrconv.parseInt("-9223372036854775808", 0, 64));
        for (String bad : new String[] {"", "08", "0x", "x1", "1.5", "9223372036854775808", "0x1__2", "--1", "_1",
                "1_", "1__000"}) {
            assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt(bad, 0, 64), bad);
        }
    }

    @Test
    void signedDecimal() {
        assertEquals(-1, GoStrconv.parseInt("-1", 10, 64));
        assertEquals(12376, GoStrconv.parseInt("+12376", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt("-", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt("1.0", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt(" 1", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt("2147483648", 10, 32));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt("9223372036854775808", 10, 64));
    }

    @Test
    void signedRangeEdges() {
        assertEquals(-2147483648L, GoStrconv.parseInt("-2147483648", 10, 32));
        assertEquals(Long.MIN_VALUE, GoStrconv.parseInt("-9223372036854775808", 10, 64));
        assertEquals(Long.MAX_VALUE, GoStrconv.parseInt("9223372036854775807", 10, 64));
    }

    @Test
    void floatLikeGo() {
        assertEquals(799.998, GoStrconv.parseFloat("799.998"));
        assertEquals(17.3, GoStrconv.parseFloat("17.3"));
        assertEquals(1000.0, GoStrconv.parseFloat("1e3"));
        assertEquals(.5, GoStrconv.parseFloat(".5"));
        assertEquals(0.25, GoStrconv.parseFloat("0x1p-2"));
        assertEquals(8.0, GoStrconv.parseFloat("0x1p3"));
        assertEquals(Double.POSITIVE_INFINITY, GoStrconv.parseFloat("+Inf"));
        assertEquals(Double.NEGATIVE_INFINITY, GoStrconv.parseFloat("-Inf"));
        assertEquals(Double.NEGATIVE_INFINITY, GoStrconv.parseFloat("-infinity"));
        assertEquals(Double.NaN, GoStrconv.parseFloat("NaN"));
        assertTrue(Double.isNaN(GoStrconv.parseFloat("nan")));
        assertEquals(1000.5, GoStrconv.parseFloat("1_000.5"));
        assertEquals((double) 2.2f, GoStrconv.parseFloat32("2.2"));
        for (String bad : new String[] {"", " 1", "1 ", "1d", "1f", "1.5d", "Infinity1", "0x10", "abc", "1,5", "+nan",
                "-nan", "-", ".", "1_.5", "_1", "1e", "\u0661"}) {
            assertThrows(NumberFormatException.class, () -> GoStrconv.parseFloat(bad), bad);
        }
    }

    @Test
    void unsignedToDouble() {
        assertEquals(1.8446744073709552E19, Numbers.unsignedToDouble(-1L));
    }
}
