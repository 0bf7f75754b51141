package dev.nodepulse.procfs.nfs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.Lines;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * /proc/[pid]/mountstats (fs/nfs/super.c and net/sunrpc/stats.c print it). Mount lines outside NFS only
 * name the mount; an NFS mount carrying {@code statvers=} is followed by its statistics block, which ends
 * at the per-op section and that section at a blank line. Statistics on another file system type, a
 * transport line of the wrong length for its version and protocol, or a non-numeric counter make the
 * whole file invalid, as in the procfs library node_exporter uses.
 */
public final class MountStatsParser {

    private static final String SOURCE = "/proc/self/mountstats";

    private MountStatsParser() {}

    /** A cursor over the lines, shared by the nested block readers. */
    private static final class Cursor {
        final List<String> lines;
        int next;

        Cursor(List<String> lines) {
            this.lines = lines;
        }

        boolean hasNext() {
            return next < lines.size();
        }

        String[] fields() {
            return Lines.fields(lines.get(next++));
        }

        ParseException bad(String why) {
            return ParseException.badLine(SOURCE, next, lines.get(next - 1), why);
        }
    }

    public static MountStats parse(String text) throws ParseException {
        Cursor c = new Cursor(Lines.of(text));
        List<MountStats.Mount> mounts = new ArrayList<>();
        while (c.hasNext()) {
            String[] f = c.fields();
            if (f.length == 0 || !f[0].equals("device")) {
                continue;
            }
            if (f.length < 8 || !f[2].equals("mounted") || !f[3].equals("on") || !f[5].equals("with")
                    || !f[6].equals("fstype")) {
                throw c.bad("expected \"device D mounted on M with fstype T\"");
            }
            MountStats.Nfs nfs = null;
            if (f.length > 8) {
                if (!f[7].equals("nfs") && !f[7].equals("nfs4")) {
                    throw c.bad("statistics for fstype " + f[7] + " cannot be parsed");
                }
                String version = f[8].startsWith("statvers=") ? f[8].substring("statvers=".length()) : f[8];
                nfs = nfs(c, version);
            }
            mounts.add(new MountStats.Mount(f[1], f[4], f[7], nfs));
        }
        return new MountStats(List.copyOf(mounts));
    }

    private static MountStats.Nfs nfs(Cursor c, String version) throws ParseException {
        Map<String, String> opts = new LinkedHashMap<>();
        double age = 0;
        MountStats.Bytes bytes = new MountStats.Bytes(0, 0, 0, 0, 0, 0, 0, 0);
        MountStats.Events events = events(new long[27]);
        List<MountStats.Transport> transports = new ArrayList<>();
        while (c.hasNext()) {
            String[] f = c.fields();
            if (f.length == 0) {
                break;
            }
            switch (f[0]) {
                case "opts:" -> {
                    if (f.length < 2) {
                        throw c.bad("incomplete NFS options");
                    }
                    for (String opt : f[1].split(",", -1)) {
                        String[] kv = opt.split("=", -1);
                        opts.put(kv.length == 2 ? kv[0] : opt, kv.length == 2 ? kv[1] : "");
                    }
                }
                case "age:" -> {
                    if (f.length < 2) {
                        throw c.bad("incomplete NFS age");
                    }
                    try {
                        age = Double.parseDouble(f[1]);
                    } catch (NumberFormatException e) {
                        throw c.bad("NFS age is not a number");
                    }
                }
                case "bytes:" -> {
                    if (f.length != 9) {
                        throw c.bad("NFS bytes statistics need 8 values");
                    }
                    long[] v = unsigned(c, f, 1);
                    bytes = new MountStats.Bytes(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7]);
                }
                case "events:" -> {
                    if (f.length != 28) {
                        throw c.bad("NFS event statistics need 27 values");
                    }
                    events = events(unsigned(c, f, 1));
                }
                case "xprt:" -> {
                    if (f.length < 3) {
                        throw c.bad("incomplete NFS transport statistics");
                    }
                    transports.add(transport(c, f, version));
                }
                default -> {
                }
            }
            if (f[0].equals("per-op")) {
                break;
            }
        }
        List<MountStats.Operation> ops = operations(c);
        return new MountStats.Nfs(version, Map.copyOf(opts), age, bytes, events, List.copyOf(ops),
                List.copyOf(transports));
    }

    private static List<MountStats.Operation> operations(Cursor c) throws ParseException {
        List<MountStats.Operation> ops = new ArrayList<>();
        while (c.hasNext()) {
            String[] f = c.fields();
            if (f.length == 0) {
                break;
            }
            if (f.length < 9) {
                throw c.bad("NFS per-operation statistics need at least 8 values");
            }
            long[] v = unsigned(c, f, 1);
            String name = f[0].endsWith(":") ? f[0].substring(0, f[0].length() - 1) : f[0];
            ops.add(new MountStats.Operation(name, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7],
                    v.length > 8 ? v[8] : 0));
        }
        return ops;
    }

    /**
     * The transport line, normalised to the TCP layout. Lengths per version and protocol: 1.0 tcp 10 and
     * udp 7 values; 1.1 tcp 13, udp 10, rdma at least 20.
     */
    private static MountStats.Transport transport(Cursor c, String[] f, String version) throws ParseException {
        String protocol = f[1];
        int count = f.length - 2;
        boolean ok;
        switch (version) {
            case "1.0" -> {
                if (!protocol.equals("tcp") && !protocol.equals("udp")) {
                    throw c.bad("invalid NFS protocol \"" + protocol + "\" in statistics version 1.0");
                }
                ok = count == (protocol.equals("tcp") ? 10 : 7);
            }
            case "1.1" -> {
                ok = switch (protocol) {
                    case "tcp" -> count == 13;
                    case "udp" -> count == 10;
                    case "rdma" -> count >= 20;
                    default -> throw c.bad("invalid NFS protocol \"" + protocol + "\" in statistics version 1.1");
                };
            }
            default -> throw c.bad("unrecognized NFS transport statistics version \"" + version + "\"");
        }
        if (!ok) {
            throw c.bad("wrong number of NFS transport statistics for " + protocol + " version " + version);
        }
        long[] raw = unsigned(c, f, 2);
        long[] v = new long[13];
        switch (protocol) {
            case "udp" -> {
                // port, bind, then no connect, connect-idle or idle time; the rest shifts by three.
                v[0] = raw[0];
                v[1] = raw[1];
                for (int i = 2; i < raw.length && i + 3 < v.length; i++) {
                    v[i + 3] = raw[i];
                }
            }
            case "rdma" -> System.arraycopy(raw, 0, v, 0, 10);
            default -> System.arraycopy(raw, 0, v, 0, Math.min(raw.length, 13));
        }
        return new MountStats.Transport(protocol, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9],
                v[10], v[11], v[12]);
    }

    private static long[] unsigned(Cursor c, String[] f, int from) throws ParseException {
        long[] out = new long[f.length - from];
        for (int i = from; i < f.length; i++) {
            try {
                out[i - from] = Long.parseUnsignedLong(f[i]);
            } catch (NumberFormatException e) {
                throw c.bad("not an unsigned integer: \"" + f[i] + "\"");
            }
        }
        return out;
    }

    private static MountStats.Events events(long[] v) {
        return new MountStats.Events(v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], v[11],
                v[12], v[13], v[14], v[15], v[16], v[17], v[18], v[19], v[20], v[21], v[22], v[23], v[24],
                v[25], v[26]);
    }
}
