package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class FileNrParserTest {

    @Test
    void capture() throws Exception {
        String text = Fixtures.text("host-capture/proc/sys/fs/file-nr");
        String[] f = text.strip().split("\t");
        assertEquals(new FileNr(Double.parseDouble(f[0]), Double.parseDouble(f[2])), FileNrParser.parse(text));
    }

    @Test
    void exactValues() throws Exception {
        assertEquals(new FileNr(1024, 1631329), FileNrParser.parse("1024\t0\t1631329\n"));
    }

    @Test
    void rejectsOtherShapes() {
        assertThrows(ParseException.class, () -> FileNrParser.parse(""));
        // separated by spaces instead of tabs
        assertThrows(ParseException.class, () -> FileNrParser.parse("1024 0 1631329\n"));
        assertThrows(ParseException.class, () -> FileNrParser.parse("1024\t0\tlots\n"));
        assertThrows(ParseException.class, () -> FileNrParser.parse("x\t0\t1\n"));
    }
}
