package dev.nodepulse.procfs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("4294967296", 0, 32));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("+1", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint(" 1", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("0x", 0, 64));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseUint("09", 0, 64));
    }

    @Test
    void signedInt() {
        assertEquals(-1, GoStrconv.parseInt("-1"));
        assertEquals(12376, GoStrconv.parseInt("+12376"));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt("-"));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt("1.0"));
        assertThrows(NumberFormatException.class, () -> GoStrconv.parseInt(" 1"));
    }

    @Test
    void floatLikeGo() {
        assertEquals(799.998, GoStrconv.parseFloat("799.998"));
        assertEquals(1000.0, GoStrconv.parseFloat("1e3"));
        assertEquals(.5, GoStrconv.parseFloat(".5"));
        assertEquals(0.25, GoStrconv.parseFloat("0x1p-2"));
        assertEquals(Double.POSITIVE_INFINITY, GoStrconv.parseFloat("+Inf"));
        assertEquals(Double.NEGATIVE_INFINITY, GoStrconv.parseFloat("-infinity"));
        assertEquals(Double.NaN, GoStrconv.parseFloat("NaN"));
        for (String bad : new String[] {"", " 1", "1 ", "1d", "1f", "Infinity1", "0x10", "abc", "1,5", "+nan", "-"}) {
            assertThrows(NumberFormatException.class, () -> GoStrconv.parseFloat(bad), bad);
        }
    }
}
