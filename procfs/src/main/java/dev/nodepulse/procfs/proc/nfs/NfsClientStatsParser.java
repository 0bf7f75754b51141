package dev.nodepulse.procfs.proc.nfs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.List;

/**
 * /proc/net/rpc/nfs: "net", "rpc", "proc2", "proc3" and "proc4" lines. An unknown line, a wrong number of
 * values or a non-numeric value rejects the file, as procfs does. NFSv4 lines shorter than the 59 operations
 * node_exporter knows (older kernels) are padded with zeros.
 */
public final class NfsClientStatsParser {

    private static final String SOURCE = "/proc/net/rpc/nfs";

    private NfsClientStatsParser() {}

    public static NfsClientStats parse(String text) throws ParseException {
        NfsNetwork network = new NfsNetwork(0, 0, 0, 0);
        long rpc = 0;
        long retrans = 0;
        long authRefresh = 0;
        List<NfsProcedure> v2 = NfsProcedureNames.zeros(NfsProcedureNames.V2);
        List<NfsProcedure> v3 = NfsProcedureNames.zeros(NfsProcedureNames.V3);
        List<NfsProcedure> v4 = NfsProcedureNames.zeros(NfsProcedureNames.CLIENT_V4);
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int no = i + 1;
            String[] f = Lines.fields(line);
            if (f.length < 2) {
                throw ParseException.badLine(SOURCE, no, line, "expected a label and values");
            }
            long[] v = RpcStatLines.values(f, 1, f.length, SOURCE, no, line);
            switch (f[0]) {
                case "net":
                    RpcStatLines.expectCount(v, 4, SOURCE, no, line);
                    network = new NfsNetwork(v[0], v[1], v[2], v[3]);
                    break;
                case "rpc":
                    RpcStatLines.expectCount(v, 3, SOURCE, no, line);
                    rpc = v[0];
                    retrans = v[1];
                    authRefresh = v[2];
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
                    RpcStatLines.expectProcedures(v, 0, SOURCE, no, line);
                    v4 = clientV4(v);
                    break;
                default:
                    throw ParseException.badLine(SOURCE, no, line, "unknown NFS metric line " + f[0]);
            }
        }
        return new NfsClientStats(network, rpc, retrans, authRefresh, v2, v3, v4);
    }

    private static List<NfsProcedure> clientV4(long[] v) {
        List<NfsProcedure> out = new ArrayList<>(NfsProcedureNames.CLIENT_V4.size());
        for (int i = 0; i < NfsProcedureNames.CLIENT_V4.size(); i++) {
            int column = NfsProcedureNames.clientV4Column(i);
            out.add(new NfsProcedure(NfsProcedureNames.CLIENT_V4.get(i), column < v.length ? v[column] : 0));
        }
        return List.copyOf(out);
    }
}
