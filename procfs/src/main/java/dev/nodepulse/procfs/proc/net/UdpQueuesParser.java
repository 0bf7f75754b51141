package dev.nodepulse.procfs.proc.net;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import java.util.List;

/**
 * /proc/net/udp and /proc/net/udp6: a header line, then one socket per line
 * ("sl local_address rem_address st tx_queue:rx_queue tr:tm->when retrnsmt uid timeout inode ref pointer drops").
 * Every socket line is checked as procfs checks it (addresses, ports, state, queues, uid, inode, drops);
 * one bad line rejects the file.
 */
public final class UdpQueuesParser {

    private UdpQueuesParser() {}

    public static UdpQueues parse(String text, String source) throws ParseException {
        List<String> lines = Lines.of(text);
        long tx = 0;
        long rx = 0;
        long sockets = 0;
        long drops = 0;
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            if (f.length < 13) {
                throw ParseException.badLine(source, i + 1, line, "expected at least 13 columns, got " + f.length);
            }
            try {
                String[] sl = f[0].split(":", -1);
                if (sl.length != 2) {
                    throw new NumberFormatException("sl field " + f[0]);
                }
                GoStrconv.parseUint(sl[0], 0, 64);
                checkAddress(f[1]);
                checkAddress(f[2]);
                GoStrconv.parseUint(f[3], 16, 64);
                String[] q = f[4].split(":", -1);
                if (q.length != 2) {
                    throw new NumberFormatException("tx/rx queue field " + f[4]);
                }
                tx += GoStrconv.parseUint(q[0], 16, 64);
                rx += GoStrconv.parseUint(q[1], 16, 64);
                GoStrconv.parseUint(f[7], 0, 64);
                GoStrconv.parseUint(f[9], 0, 64);
                drops += GoStrconv.parseUint(f[12], 0, 64);
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, i + 1, line, e.getMessage());
            }
            sockets++;
        }
        return new UdpQueues(tx, rx, sockets, drops);
    }

    /** "0100007F:0035": a 4- or 16-byte hex address and a hex port. */
    private static void checkAddress(String field) {
        String[] parts = field.split(":", -1);
        if (parts.length != 2) {
            throw new NumberFormatException("address field " + field);
        }
        String hex = parts[0];
        if ((hex.length() != 8 && hex.length() != 32) || !hex.chars().allMatch(c -> Character.digit(c, 16) >= 0)) {
            throw new NumberFormatException("address " + hex);
        }
        GoStrconv.parseUint(parts[1], 16, 64);
    }
}
