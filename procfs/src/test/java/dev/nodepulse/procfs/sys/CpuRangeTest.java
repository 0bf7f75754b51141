package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuRangeTest {

    @Test
    void expandsRanges() throws Exception {
        assertEquals(List.of(1, 3, 4, 5, 9), CpuRange.parse("1,3-5,9\n", "isolated"));
        assertEquals(List.of(0, 1, 2, 3), CpuRange.parse("0-3", "online"));
        assertEquals(List.of(7), CpuRange.parse("7\n", "offline"));
    }

    @Test
    void emptyListsAreEmpty() throws Exception {
        assertEquals(List.of(), CpuRange.parse("", "isolated"));
        assertEquals(List.of(), CpuRange.parse("\n", "isolated"));
        assertEquals(List.of(2), CpuRange.parse(",2,", "isolated"));
    }

    @Test
    void rejectsGarbage() {
        assertThrows(ParseException.class, () -> CpuRange.parse("1-2-3", "isolated"));
        assertThrows(ParseException.class, () -> CpuRange.parse("a-3", "isolated"));
        assertThrows(ParseException.class, () -> CpuRange.parse("1-b", "isolated"));
        assertThrows(ParseException.class, () -> CpuRange.parse("x", "isolated"));
        assertThrows(ParseException.class, () -> CpuRange.parse("1 2", "isolated"));
    }
}
