package dev.nodepulse.procfs.proc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class InterruptsParserTest {

    @Test
    void capturedFileKeepsEveryLineWithAllCpuColumns() throws Exception {
        String text = Fixtures.text("host-capture/proc/interrupts");
        Interrupts irqs = InterruptsParser.parse(text);
        String[] lines = text.split("\n");
        int cpus = lines[0].trim().split("\\s+").length;
        long withAllColumns = java.util.Arrays.stream(lines).skip(1)
                .filter(l -> l.substring(l.indexOf(':') + 1).trim().split("\\s+").length > cpus).count();
        assertEquals(withAllColumns, irqs.interrupts().size());
        for (Interrupts.Interrupt i : irqs.interrupts()) {
            assertEquals(cpus, i.counts().size());
        }
        // ERR and MIS have a single count and no description: skipped
        assertTrue(irqs.interrupts().stream().noneMatch(i -> i.name().equals("ERR")));
    }

    @Test
    void numberedAndNamedInterruptsSplitInfoDifferently() throws Exception {
        Interrupts irqs = InterruptsParser.parse("           CPU0       CPU1\n"
                + " 16:     328511     322879  IR-IO-APIC-fasteoi   ehci_hcd:usb1, mmc0\n"
                + "NMI:         47       5031   Non-maskable interrupts\n"
                + "IPI0:0 1 Rescheduling interrupts\n");
        Interrupts.Interrupt sixteen = irqs.interrupts().get(0);
        assertEquals("16", sixteen.name());
        assertEquals("IR-IO-APIC-fasteoi", sixteen.info());
        assertEquals("ehci_hcd:usb1, mmc0", sixteen.devices());
        assertEquals(List.of("328511", "322879"), sixteen.counts());
        Interrupts.Interrupt nmi = irqs.interrupts().get(1);
        assertEquals("Non-maskable interrupts", nmi.info());
        assertEquals("", nmi.devices());
        // arm64 prints names touching the counts
        assertEquals("IPI0", irqs.interrupts().get(2).name());
        assertEquals(List.of("0", "1"), irqs.interrupts().get(2).counts());
    }

    @Test
    void aRepeatedNameKeepsItsLastLine() throws Exception {
        Interrupts irqs = InterruptsParser.parse("CPU0\nLOC: 1 first\nLOC: 2 second\n");
        assertEquals(1, irqs.interrupts().size());
        assertEquals("second", irqs.interrupts().get(0).info());
    }

    @Test
    void emptyFileIsAnError() throws Exception {
        assertThrows(ParseException.class, () -> InterruptsParser.parse(""));
        assertTrue(InterruptsParser.parse("CPU0 CPU1\n").interrupts().isEmpty());
    }
}
