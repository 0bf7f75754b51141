package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConntrackStatParserTest {

    private static final String HEADER = "entries  searched found new invalid ignore delete delete_list insert "
            + "insert_failed drop early_drop icmp_error  expect_new expect_create expect_delete search_restart\n";

    @Test
    void captureHasOneRowPerCpu() throws Exception {
        String text = Fixtures.text("host-capture/proc/net/stat/nf_conntrack");
        List<ConntrackStat> rows = ConntrackStatParser.parse(text);
        String[] lines = text.split("\n");
        assertEquals(lines.length - 1, rows.size());
        for (int i = 1; i < lines.length; i++) {
            String[] f = lines[i].trim().split(" +");
            ConntrackStat r = rows.get(i - 1);
            assertEquals(Long.parseLong(f[2], 16), r.found());
            assertEquals(Long.parseLong(f[4], 16), r.invalid());
            assertEquals(Long.parseLong(f[5], 16), r.ignore());
            assertEquals(Long.parseLong(f[16], 16), r.searchRestart());
        }
    }

    @Test
    void exactValuesAndOldKernelWidth() throws Exception {
        String text = HEADER
                + "00000021  00000000 00000002 00000000 00000003 0000588a 00000000 00000000 00000004 00000005 "
                + "00000006 00000007 00000000  00000000 00000000 00000000 00000008\n"
                + "00000021  00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 00000000 "
                + "00000000 00000000 00000000  00000000 00000000 00000000\n";
        List<ConntrackStat> rows = ConntrackStatParser.parse(text);
        assertEquals(new ConntrackStat(0x21, 0, 2, 0, 3, 0x588a, 0, 0, 4, 5, 6, 7, 8), rows.get(0));
        assertEquals(0, rows.get(1).searchRestart());
    }

    @Test
    void headerOnlyOrEmptyHasNoRows() throws Exception {
        assertEquals(List.of(), ConntrackStatParser.parse(HEADER));
        assertEquals(List.of(), ConntrackStatParser.parse(""));
    }

    @Test
    void rejectsBadRows() {
        ParseException e = assertThrows(ParseException.class,
                () -> ConntrackStatParser.parse(HEADER + "00000001 00000002\n"));
        assertTrue(e.getMessage().contains("invalid number of fields: 2"), e.getMessage());
        assertThrows(ParseException.class, () -> ConntrackStatParser.parse(HEADER + "\n"));
        assertThrows(ParseException.class, () -> ConntrackStatParser.parse(
                HEADER + "0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 zz\n"));
    }
}
