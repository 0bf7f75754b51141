package dev.nodepulse.cgroups.stats;

import dev.nodepulse.procfs.ParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Block I/O files. v1 blkio.*: lines "MAJ:MIN Op value" (Op one of Read, Write, Sync, Async, Discard, Total)
 * or "MAJ:MIN value" for the single-valued tables, and a trailing "Total N" line without a device that is
 * skipped. v2 io.stat: "MAJ:MIN rbytes=.. wbytes=.. rios=.. wios=.. dbytes=.. dios=.." plus io.cost keys.
 * Both are scanned as bytes: a walk parses one or more of these files per cgroup.
 */
public final class BlkioParser {

    private BlkioParser() {}

    public static List<BlkioEntry> parseV1(String text, Object source) throws ParseException {
        return parseV1(FileBytes.of(text), source);
    }

    public static List<BlkioEntry> parseV1(FileBytes file, Object source) throws ParseException {
        byte[] d = file.data;
        int n = file.length;
        List<BlkioEntry> out = null;
        int lineStart = 0;
        int lineNo = 0;
        while (lineStart < n) {
            int lineEnd = FileBytes.indexOf(d, (byte) '\n', lineStart, n);
            lineNo++;
            int i = skipBlanks(d, lineStart, lineEnd);
            if (i < lineEnd && !FileBytes.startsWith(d, i, lineEnd, TOTAL)) {
                int colon = FileBytes.indexOf(d, (byte) ':', i, lineEnd);
                int sp1 = colon == lineEnd ? -1 : next(d, colon, lineEnd);
                if (sp1 < 0) {
                    throw ParseException.badLine(String.valueOf(source), lineNo, file.text(lineStart, lineEnd),
                            "expected \"MAJ:MIN [Op] value\"");
                }
                int major = (int) KeyValueParser.parseUnsigned(file, i, colon, source, lineNo);
                int minor = (int) KeyValueParser.parseUnsigned(file, colon + 1, sp1, source, lineNo);
                int f2 = skipBlanks(d, sp1, lineEnd);
                int sp2 = next(d, f2, lineEnd);
                String op = "";
                int valueStart = f2;
                if (sp2 >= 0 && skipBlanks(d, sp2, lineEnd) < lineEnd) {
                    op = op(file, f2, sp2);
                    valueStart = skipBlanks(d, sp2, lineEnd);
                }
                if (out == null) {
                    out = new ArrayList<>();
                }
                out.add(new BlkioEntry(major, minor, op, KeyValueParser.parseUnsigned(file, valueStart, lineEnd, source,
                        lineNo)));
            }
            lineStart = lineEnd + 1;
        }
        return out == null ? List.of() : out;
    }

    private static int skipBlanks(byte[] d, int i, int end) {
        while (i < end && (d[i] == ' ' || d[i] == '\t')) {
            i++;
        }
        return i;
    }

    /** The index of the next blank after position i (within end), or -1. */
    private static int next(byte[] d, int i, int end) {
        for (int k = i; k < end; k++) {
            if (d[k] == ' ' || d[k] == '\t') {
                return k;
            }
        }
        return -1;
    }

    /** The op names the kernel prints, without allocating for the common ones. */
    private static String op(FileBytes file, int from, int to) {
        for (int k = 0; k < OPS.length; k++) {
            if (FileBytes.is(file.data, from, to, OP_BYTES[k])) {
                return OPS[k];
            }
        }
        return file.text(from, to);
    }

    private static final String[] OPS = {"Read", "Write", "Sync", "Async", "Discard", "Total"};
    private static final byte[][] OP_BYTES = FileBytes.ascii(OPS);
    private static final byte[] TOTAL = FileBytes.ascii("Total")[0];

    /** The io.stat keys cAdvisor maps, in the order of {@link #V2_KEYS}. */
    private static final String[] V2_NAMES = {"rbytes", "wbytes", "rios", "wios", "cost.usage", "cost.wait",
        "cost.indebt", "cost.indelay"};
    private static final KeyValueParser.Keys V2_KEYS = new KeyValueParser.Keys(V2_NAMES);

    /** The v2 io.stat tables, keyed as {@link BlkioStats} names them (serviceBytes, serviced, cost*). */
    public static BlkioStats parseV2(String text, Object source) throws ParseException {
        return parseV2(FileBytes.of(text), source);
    }

    /** The v2 io.stat tables, keyed as {@link BlkioStats} names them (serviceBytes, serviced, cost*). */
    public static BlkioStats parseV2(FileBytes file, Object source) throws ParseException {
        byte[] d = file.data;
        int n = file.length;
        List<BlkioEntry> bytes = new ArrayList<>();
        List<BlkioEntry> ios = new ArrayList<>();
        List<BlkioEntry> usage = new ArrayList<>();
        List<BlkioEntry> wait = new ArrayList<>();
        List<BlkioEntry> indebt = new ArrayList<>();
        List<BlkioEntry> indelay = new ArrayList<>();
        int lineStart = 0;
        int lineNo = 0;
        while (lineStart < n) {
            int lineEnd = FileBytes.indexOf(d, (byte) '\n', lineStart, n);
            lineNo++;
            int f = FileBytes.skipFieldBlanks(d, lineStart, lineEnd);
            if (f < lineEnd) {
                int fEnd = FileBytes.fieldEnd(d, f, lineEnd);
                int colon = FileBytes.indexOf(d, (byte) ':', f, fEnd);
                if (colon == fEnd) {
                    throw ParseException.badLine(String.valueOf(source), lineNo, file.text(lineStart, lineEnd),
                            "expected \"MAJ:MIN key=value...\"");
                }
                int major = device(file, f, colon, source, lineNo, lineStart, lineEnd);
                int minor = device(file, colon + 1, fEnd, source, lineNo, lineStart, lineEnd);
                for (f = FileBytes.skipFieldBlanks(d, fEnd, lineEnd); f < lineEnd;
                        f = FileBytes.skipFieldBlanks(d, fEnd, lineEnd)) {
                    fEnd = FileBytes.fieldEnd(d, f, lineEnd);
                    int eq = FileBytes.indexOf(d, (byte) '=', f, fEnd);
                    if (eq == fEnd) {
                        throw ParseException.badLine(String.valueOf(source), lineNo, file.text(lineStart, lineEnd),
                                "expected key=value, got " + file.text(f, fEnd));
                    }
                    int key = V2_KEYS.indexOf(d, f, eq);
                    long v = KeyValueParser.parseUnsigned(file, eq + 1, fEnd, source, lineNo);
                    switch (key) {
                        case 0 -> bytes.add(new BlkioEntry(major, minor, "Read", v));
                        case 1 -> bytes.add(new BlkioEntry(major, minor, "Write", v));
                        case 2 -> ios.add(new BlkioEntry(major, minor, "Read", v));
                        case 3 -> ios.add(new BlkioEntry(major, minor, "Write", v));
                        case 4 -> usage.add(new BlkioEntry(major, minor, "Count", v));
                        case 5 -> wait.add(new BlkioEntry(major, minor, "Count", v));
                        case 6 -> indebt.add(new BlkioEntry(major, minor, "Count", v));
                        case 7 -> indelay.add(new BlkioEntry(major, minor, "Count", v));
                        default -> { } // dbytes/dios and newer keys cAdvisor does not map
                    }
                }
            }
            lineStart = lineEnd + 1;
        }
        return new BlkioStats(bytes, ios, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(),
                usage, wait, indebt, indelay);
    }

    /** A device number as Integer.parseInt reads it. */
    private static int device(FileBytes file, int from, int to, Object source, int lineNo, int lineStart, int lineEnd)
            throws ParseException {
        byte[] d = file.data;
        int i = from;
        boolean negative = false;
        if (i < to && (d[i] == '-' || d[i] == '+')) {
            negative = d[i] == '-';
            i++;
        }
        if (i == to || to - i > 9) {
            return slowDevice(file, from, to, source, lineNo, lineStart, lineEnd);
        }
        int v = 0;
        for (; i < to; i++) {
            int c = d[i] - '0';
            if (c < 0 || c > 9) {
                throw ParseException.badLine(String.valueOf(source), lineNo, file.text(lineStart, lineEnd),
                        "bad device number");
            }
            v = v * 10 + c;
        }
        return negative ? -v : v;
    }

    private static int slowDevice(FileBytes file, int from, int to, Object source, int lineNo, int lineStart,
                                  int lineEnd) throws ParseException {
        try {
            return Integer.parseInt(file.text(from, to));
        } catch (NumberFormatException e) {
            throw ParseException.badLine(String.valueOf(source), lineNo, file.text(lineStart, lineEnd),
                    "bad device number");
        }
    }
}
