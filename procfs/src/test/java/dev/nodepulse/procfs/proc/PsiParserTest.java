package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PsiParserTest {

    @Test
    void capturedFilesMatchTheirText() throws Exception {
        for (String res : new String[] {"cpu", "io", "memory"}) {
            String text = Fixtures.text("host-capture/proc/pressure/" + res);
            PsiStats s = PsiParser.parse(text, res);
            for (String line : text.split("\n")) {
                String[] f = line.split(" ");
                PsiLine p = (f[0].equals("some") ? s.some() : s.full()).orElseThrow();
                assertEquals(Double.parseDouble(f[1].substring("avg10=".length())), p.avg10());
                assertEquals(Double.parseDouble(f[2].substring("avg60=".length())), p.avg60());
                assertEquals(Double.parseDouble(f[3].substring("avg300=".length())), p.avg300());
                assertEquals(Long.parseLong(f[4].substring("total=".length())), p.totalMicroseconds());
            }
        }
    }

    @Test
    void irqHasOnlyFull() throws Exception {
        PsiStats s = PsiParser.parse(Fixtures.text("handwritten/proc/pressure-irq"), "irq");
        assertEquals(Optional.empty(), s.some());
        assertEquals(new PsiLine(0, 0, 0, 3173), s.full().orElseThrow());
    }

    @Test
    void unknownLinesAreSkippedAndEmptyFilesHaveNothing() throws Exception {
        PsiStats s = PsiParser.parse("avg avg10=1\nsome avg10=1.50 avg60=0.25 avg300=0.00 total=42\n", "cpu");
        assertEquals(new PsiLine(1.5, 0.25, 0, 42), s.some().orElseThrow());
        assertEquals(Optional.empty(), s.full());
        PsiStats empty = PsiParser.parse("", "cpu");
        assertTrue(empty.some().isEmpty() && empty.full().isEmpty());
    }

    @Test
    void rejectsGarbledLines() {
        ParseException e = assertThrows(ParseException.class,
                () -> PsiParser.parse("some avg10=0.00 avg60=0.00 total=1\n", "/proc/pressure/io"));
        assertTrue(e.getMessage().startsWith("/proc/pressure/io:1:"), e.getMessage());
        assertThrows(ParseException.class,
                () -> PsiParser.parse("full avg10=x avg60=0.00 avg300=0.00 total=1\n", "io"));
        assertThrows(ParseException.class,
                () -> PsiParser.parse("full avg10=0.00 avg60=0.00 avg300=0.00 total=-1\n", "io"));
    }
}
