package dev.nodepulse.procfs.proc;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /proc/interrupts (kernel/irq/proc.c and the arch's show_interrupts). The header has one word per CPU.
 * Each line is split at its first ':' (on arm64 the name may touch the counts); lines with fewer fields
 * than CPUs plus one (ERR, MIS) are skipped, and a name listed twice keeps its last line. An empty file is an error.
 */
public final class InterruptsParser {

    private InterruptsParser() {}

    public static Interrupts parse(String text) throws ParseException {
        List<String> lines = Lines.of(text);
        if (lines.isEmpty()) {
            throw new ParseException("/proc/interrupts: empty");
        }
        int cpus = Lines.fields(lines.get(0)).length;
        // A name listed twice keeps its last line, as upstream's map does.
        Map<String, Interrupts.Interrupt> out = new LinkedHashMap<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            int colon = line.indexOf(':');
            if (colon < 0) {
                continue;
            }
            String[] parts = Lines.fields(line.substring(colon + 1));
            if (parts.length < cpus + 1) {
                continue;
            }
            String name = stripLeadingSpaces(line.substring(0, colon));
            List<String> counts = List.of(parts).subList(0, cpus);
            String info;
            String devices;
            if (isInteger(name)) {
                info = parts[cpus];
                devices = String.join(" ", List.of(parts).subList(cpus + 1, parts.length));
            } else {
                info = String.join(" ", List.of(parts).subList(cpus, parts.length));
                devices = "";
            }
            out.put(name, new Interrupts.Interrupt(name, info, devices, List.copyOf(counts)));
        }
        return new Interrupts(List.copyOf(out.values()));
    }

    private static String stripLeadingSpaces(String s) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return s.substring(i);
    }

    /** Go's strconv.Atoi: optional sign, decimal digits, within int64. */
    private static boolean isInteger(String s) {
        try {
            Long.parseLong(s);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
