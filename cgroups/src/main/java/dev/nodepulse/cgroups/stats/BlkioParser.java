package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * Block I/O files. v1 blkio.*: lines "MAJ:MIN Op value" (Op one of Read, Write, Sync, Async, Discard, Total)
 * or "MAJ:MIN value" for the single-valued tables, and a trailing "Total N" line without a device that is
 * skipped. v2 io.stat: "MAJ:MIN rbytes=.. wbytes=.. rios=.. wios=.. dbytes=.. dios=.." plus io.cost keys.
 */
public final class BlkioParser {

    private BlkioParser() {}

    public static List<BlkioEntry> parseV1(String text, Object source) throws ParseException {
        // Hand-scanned: a walk parses two of these files per cgroup, each a dozen lines per device.
        List<BlkioEntry> out = new ArrayList<>();
        int n = text.length();
        int lineStart = 0;
        int lineNo = 0;
        while (lineStart < n) {
            int lineEnd = text.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = n;
            }
            lineNo++;
            int i = skipBlanks(text, lineStart, lineEnd);
            if (i < lineEnd && !text.startsWith("Total", i)) {
                int colon = text.indexOf(':', i);
                int sp1 = colon < 0 ? -1 : next(text, colon, lineEnd);
                if (colon < 0 || colon > lineEnd || sp1 < 0) {
                    throw ParseException.badLine(String.valueOf(source), lineNo, text.substring(lineStart, lineEnd),
                            "expected \"MAJ:MIN [Op] value\"");
                }
                int major = (int) KeyValueParser.parseUnsigned(text, i, colon, source, lineNo);
                int minor = (int) KeyValueParser.parseUnsigned(text, colon + 1, sp1, source, lineNo);
                int f2 = skipBlanks(text, sp1, lineEnd);
                int sp2 = next(text, f2, lineEnd);
                String op = "";
                int valueStart = f2;
                if (sp2 >= 0 && skipBlanks(text, sp2, lineEnd) < lineEnd) {
                    op = op(text, f2, sp2);
                    valueStart = skipBlanks(text, sp2, lineEnd);
                }
                out.add(new BlkioEntry(major, minor, op, KeyValueParser.parseUnsigned(text, valueStart, lineEnd, source,
                        lineNo)));
            }
            lineStart = lineEnd + 1;
        }
        return out;
    }

    private static int skipBlanks(String s, int i, int end) {
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
            i++;
        }
        return i;
    }

    /** The index of the next blank after position i (within end), or -1. */
    private static int next(String s, int i, int end) {
        for (int k = i; k < end; k++) {
            if (s.charAt(k) == ' ' || s.charAt(k) == '\t') {
                return k;
            }
        }
        return -1;
    }

    /** The op names the kernel prints, without allocating for the common ones. */
    private static String op(String s, int from, int to) {
        for (String known : OPS) {
            if (to - from == known.length() && s.startsWith(known, from)) {
                return known;
            }
        }
        return s.substring(from, to);
    }

    private static final String[] OPS = {"Read", "Write", "Sync", "Async", "Discard", "Total"};

    /** The v2 io.stat tables, keyed as {@link BlkioStats} names them (serviceBytes, serviced, cost*). */
    public static BlkioStats parseV2(String text, Object source) throws ParseException {
        List<BlkioEntry> bytes = new ArrayList<>();
        List<BlkioEntry> ios = new ArrayList<>();
        List<BlkioEntry> usage = new ArrayList<>();
        List<BlkioEntry> wait = new ArrayList<>();
        List<BlkioEntry> indebt = new ArrayList<>();
        List<BlkioEntry> indelay = new ArrayList<>();
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            if (f.length == 0) {
                continue;
            }
            int colon = f[0].indexOf(':');
            if (colon < 0) {
                throw ParseException.badLine(String.valueOf(source), i + 1, line, "expected \"MAJ:MIN key=value...\"");
            }
            int major = device(f[0].substring(0, colon), source, i, line);
            int minor = device(f[0].substring(colon + 1), source, i, line);
            for (int k = 1; k < f.length; k++) {
                int eq = f[k].indexOf('=');
                if (eq < 0) {
                    throw ParseException.badLine(String.valueOf(source), i + 1, line, "expected key=value, got " + f[k]);
                }
                String key = f[k].substring(0, eq);
                long v = KeyValueParser.parseUnsigned(f[k], eq + 1, f[k].length(), source, i + 1);
                switch (key) {
                    case "rbytes" -> bytes.add(new BlkioEntry(major, minor, "Read", v));
                    case "wbytes" -> bytes.add(new BlkioEntry(major, minor, "Write", v));
                    case "rios" -> ios.add(new BlkioEntry(major, minor, "Read", v));
                    case "wios" -> ios.add(new BlkioEntry(major, minor, "Write", v));
                    case "cost.usage" -> usage.add(new BlkioEntry(major, minor, "Count", v));
                    case "cost.wait" -> wait.add(new BlkioEntry(major, minor, "Count", v));
                    case "cost.indebt" -> indebt.add(new BlkioEntry(major, minor, "Count", v));
                    case "cost.indelay" -> indelay.add(new BlkioEntry(major, minor, "Count", v));
                    default -> { } // dbytes/dios and newer keys cAdvisor does not map
                }
            }
        }
        return new BlkioStats(bytes, ios, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                usage, wait, indebt, indelay);
    }

    private static int device(String s, Object source, int i, String line) throws ParseException {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw ParseException.badLine(String.valueOf(source), i + 1, line, "bad device number");
        }
    }

}
