package dev.nodepulse.procfs.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class GoIntegersTest {

    @Test
    void basePrefixesLikeGo() {
        assertEquals(42, GoIntegers.parseBase0("42"));
        assertEquals(-42, GoIntegers.parseBase0("-42"));
        assertEquals(31, GoIntegers.parseBase0("0x1f"));
        assertEquals(8, GoIntegers.parseBase0("010"));
        assertEquals(15, GoIntegers.parseBase0("0o17"));
        assertEquals(5, GoIntegers.parseBase0("0b101"));
        assertEquals(1000, GoIntegers.parseBase0("0x_3e8"));
        assertEquals(0, GoIntegers.parseBase0("0"));
        assertEquals(Long.MIN_VALUE, GoIntegers.parseBase0("-9223372036854775808"));
    }

    @Test
    void rejectsWhatGoRejects() {
        for (String bad : new String[] {"", "1_000", "08", "0x", "x1", "1.5", "9223372036854775808", "0x1__2", "--1"}) {
            assertThrows(NumberFormatException.class, () -> GoIntegers.parseBase0(bad), bad);
        }
    }
}
