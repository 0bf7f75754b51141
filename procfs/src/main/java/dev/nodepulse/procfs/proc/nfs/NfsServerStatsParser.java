package dev.nodepulse.procfs.proc.nfs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.List;

/**
 * /proc/net/rpc/nfsd: "rc", "fh", "io", "th", "ra", "net", "rpc", "proc2", "proc3", "proc4", "proc4ops" and
 * "wdeleg_getattr" lines. Of "th" only the thread count and the full count are read (the rest are
 * obsolete histogram floats). An unknown line or a wrong number of values rejects the file, as in procfs.
 */
public final class NfsServerStatsParser {

    private static final String SOURCE = "/proc/net/rpc/nfsd";

    private NfsServerStatsParser() {}

    public static NfsServerStats parse(String text) throws ParseException {
        long[] rc = new long[3];
        long[] fh = new long[5];
        long[] io = new long[2];
        long[] th = new long[2];
        long[] ra = new long[12];
        NfsNetwork network = new NfsNetwork(0, 0, 0, 0);
        long[] rpc = new long[5];
        List<NfsProcedure> v2 = NfsProcedureNames.zeros(NfsProcedureNames.V2);
        List<NfsProcedure> v3 = NfsProcedureNames.zeros(NfsProcedureNames.V3);
        List<NfsProcedure> v4ops = NfsProcedureNames.zeros(NfsProcedureNames.SERVER_V4_OPS);
        long wdeleg = 0;
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int no = i + 1;
            String[] f = Lines.fields(line);
            if (f.length < 2) {
                throw ParseException.badLine(SOURCE, no, line, "expected a label and values");
            }
            long[] v;
            if (f[0].equals("th")) {
                if (f.length < 3) {
                    throw ParseException.badLine(SOURCE, no, line, "expected thread and full counts");
                }
                v = RpcStatLines.values(f, 1, 3, SOURCE, no, line);
            } else {
                v = RpcStatLines.values(f, 1, f.length, SOURCE, no, line);
            }
            switch (f[0]) {
                case "rc":
                    RpcStatLines.expectCount(v, 3, SOURCE, no, line);
                    rc = v;
                    break;
                case "fh":
                    RpcStatLines.expectCount(v, 5, SOURCE, no, line);
                    fh = v;
                    break;
                case "io":
                    RpcStatLines.expectCount(v, 2, SOURCE, no, line);
                    io = v;
                    break;
                case "th":
                    th = v;
                    break;
                case "ra":
                    RpcStatLines.expectCount(v, 12, SOURCE, no, line);
                    ra = v;
                    break;
                case "net":
                    RpcStatLines.expectCount(v, 4, SOURCE, no, line);
                    network = new NfsNetwork(v[0], v[1], v[2], v[3]);
                    break;
                case "rpc":
                    RpcStatLines.expectCount(v, 5, SOURCE, no, line);
                    rpc = v;
                    break;
                case "proc2":
                    RpcStatLines.expectProcedures(v, 18, SOURCE, no, line);
                    v2 = NfsProcedureNames.inOrder(NfsProcedureNames.V2, v);
                    break;
                case "proc3":
                    RpcStatLines.expectProcedures(v, 22, SOURCE, no, line);
                    v3 = NfsProcedureNames.inOrder(NfsProcedureNames.V3, v);
                    break;
                case "proc4":
                    // NULL and COMPOUND only; node_exporter reads the line but publishes the operations.
                    RpcStatLines.expectProcedures(v, 2, SOURCE, no, line);
                    if (v[0] != 2) {
                        throw ParseException.badLine(SOURCE, no, line, "expected 2 NFSv4 procedures");
                    }
                    break;
                case "proc4ops":
                    RpcStatLines.expectProcedures(v, 39, SOURCE, no, line);
                    v4ops = NfsProcedureNames.inOrder(NfsProcedureNames.SERVER_V4_OPS, v);
                    break;
                case "wdeleg_getattr":
                    wdeleg = v[0];
                    break;
                default:
                    throw ParseException.badLine(SOURCE, no, line, "unknown NFSd metric line " + f[0]);
            }
        }
        return new NfsServerStats(rc[0], rc[1], rc[2], fh[0], io[0], io[1], th[0], ra[0], ra[11], network,
                rpc[0], rpc[1], rpc[2], rpc[3], rpc[4], v2, v3, v4ops, wdeleg);
    }
}
