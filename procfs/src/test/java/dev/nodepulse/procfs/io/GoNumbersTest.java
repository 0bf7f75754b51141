package dev.nodepulse.procfs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class GoNumbersTest {

    @Test
    void baseZeroInfersTheBaseLikeC() {
        assertEquals(0x8380, GoNumbers.parseSigned("0x8380", 0, 64));
        assertEquals(8, GoNumbers.parseSigned("010", 0, 64));
        assertEquals(5, GoNumbers.parseSigned("0b101", 0, 64));
        assertEquals(63, GoNumbers.parseSigned("0o77", 0, 64));
        assertEquals(0, GoNumbers.parseSigned("0", 0, 64));
        assertEquals(-12, GoNumbers.parseSigned("-12", 0, 64));
        assertEquals(1000, GoNumbers.parseUnsigned("1_000", 0));
        assertEquals(-1L, GoNumbers.parseUnsigned("0xffffffffffffffff", 0));
    }

    @Test
    void rejectsWhatGoRejects() {
        assertThrows(NumberFormatException.class, () -> GoNumbers.parseUnsigned("+5", 10));
        assertThrows(NumberFormatException.class, () -> GoNumbers.parseUnsigned("-5", 10));
        assertThrows(NumberFormatException.class, () -> GoNumbers.parseUnsigned("", 10));
        assertThrows(NumberFormatException.class, () -> GoNumbers.parseUnsigned("08", 0));
        assertThrows(NumberFormatException.class, () -> GoNumbers.parseUnsigned("1_000", 10));
        assertThrows(NumberFormatException.class, () -> GoNumbers.parseSigned("2147483648", 10, 32));
        assertThrows(NumberFormatException.class, () -> GoNumbers.parseSigned("9223372036854775808", 10, 64));
        assertThrows(NumberFormatException.class, () -> GoNumbers.parseFloat("1.5d"));
        assertThrows(NumberFormatException.class, () -> GoNumbers.parseFloat(""));
    }

    @Test
    void signedRangeEdges() {
        assertEquals(-2147483648L, GoNumbers.parseSigned("-2147483648", 10, 32));
        assertEquals(Long.MIN_VALUE, GoNumbers.parseSigned("-9223372036854775808", 10, 64));
        assertEquals(Long.MAX_VALUE, GoNumbers.parseSigned("9223372036854775807", 10, 64));
    }

    @Test
    void floats() {
        assertEquals(17.3, GoNumbers.parseFloat("17.3"));
        assertEquals(0.5, GoNumbers.parseFloat(".5"));
        assertEquals(1e3, GoNumbers.parseFloat("1e3"));
        assertTrue(Double.isNaN(GoNumbers.parseFloat("NaN")));
        assertEquals(Double.NEGATIVE_INFINITY, GoNumbers.parseFloat("-Inf"));
        assertEquals(8.0, GoNumbers.parseFloat("0x1p3"));
        assertEquals((double) 2.2f, GoNumbers.parseFloat32("2.2"));
        assertEquals(1.8446744073709552E19, GoNumbers.unsignedToDouble(-1L));
    }
}
