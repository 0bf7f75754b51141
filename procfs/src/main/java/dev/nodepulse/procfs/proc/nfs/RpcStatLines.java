package dev.nodepulse.procfs.proc.nfs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;

/** The shared line shape of /proc/net/rpc/nfs and nfsd: a label followed by unsigned decimal numbers. */
final class RpcStatLines {

    private RpcStatLines() {}

    static long[] values(String[] fields, int from, int to, String source, int lineNo, String line)
            throws ParseException {
        long[] v = new long[to - from];
        for (int i = from; i < to; i++) {
            try {
                v[i - from] = GoStrconv.parseUint(fields[i], 10, 64);
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, lineNo, line, "not an unsigned integer: " + fields[i]);
            }
        }
        return v;
    }

    static void expectCount(long[] v, int n, String source, int lineNo, String line) throws ParseException {
        if (v.length != n) {
            throw ParseException.badLine(source, lineNo, line, "expected " + n + " values, got " + v.length);
        }
    }

    /** A "procN" line: its first value is the number of values that follow, at least {@code min}. */
    static void expectProcedures(long[] v, int min, String source, int lineNo, String line) throws ParseException {
        if (v[0] != v.length - 1 || v[0] < min) {
            throw ParseException.badLine(source, lineNo, line, "procedure count " + v[0] + " does not match "
                    + (v.length - 1) + " values (at least " + min + " expected)");
        }
    }
}
