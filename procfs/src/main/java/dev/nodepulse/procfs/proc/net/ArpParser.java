package dev.nodepulse.procfs.proc.net;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * /proc/net/arp: a 9-word header ("IP address HW type Flags HW address Mask Device") and 6-column entries.
 * Like procfs, any line of another width, a bad MAC or bad flags rejects the whole file.
 */
public final class ArpParser {

    private static final String SOURCE = "/proc/net/arp";
    private static final int HEADER_WIDTH = 9;
    private static final int ENTRY_WIDTH = 6;
    /** Go's net.ParseMAC forms: 6, 8 or 20 octets separated by ':' or '-', or dotted groups of 4 hex digits. */
    private static final Pattern MAC = Pattern.compile(
            "([0-9A-Fa-f]{2}([:-])[0-9A-Fa-f]{2}(\\2[0-9A-Fa-f]{2}){4}((\\2[0-9A-Fa-f]{2}){2}|(\\2[0-9A-Fa-f]{2}){14})?)"
                    + "|([0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}\\.[0-9A-Fa-f]{4}((\\.[0-9A-Fa-f]{4})|(\\.[0-9A-Fa-f]{4}){7})?)");

    private ArpParser() {}

    public static List<ArpEntry> parse(String text) throws ParseException {
        List<ArpEntry> entries = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            if (f.length == 0 || f.length == HEADER_WIDTH) {
                continue;
            }
            if (f.length != ENTRY_WIDTH) {
                throw ParseException.badLine(SOURCE, i + 1, line, f.length + " columns found, but expected " + ENTRY_WIDTH);
            }
            if (!MAC.matcher(f[3]).matches()) {
                throw ParseException.badLine(SOURCE, i + 1, line, "invalid MAC address " + f[3]);
            }
            int flags;
            try {
                long v = GoStrconv.parseUint(f[2], 0, 64);
                if (v < 0 || v > 0xff) {
                    throw new NumberFormatException("out of range");
                }
                flags = (int) v;
            } catch (NumberFormatException e) {
                throw ParseException.badLine(SOURCE, i + 1, line, "invalid flags " + f[2]);
            }
            entries.add(new ArpEntry(f[0], f[3], flags, f[5]));
        }
        return List.copyOf(entries);
    }
}
