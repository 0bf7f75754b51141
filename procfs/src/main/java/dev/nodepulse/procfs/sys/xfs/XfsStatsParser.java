package dev.nodepulse.procfs.sys.xfs;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.Lines;
import java.util.List;
import java.util.Map;

/**
 * An XFS stats file (/sys/fs/xfs/&lt;dev&gt;/stats/stats, same format as /proc/fs/xfs/stat): "label v1 v2 ..."
 * lines. As in procfs every value must be an unsigned 32-bit number (64-bit for "xpc", "defer_relog" and
 * "gc xpc"), and every line procfs knows must have its exact number of values, so a malformed file is
 * rejected rather than half-read.
 */
public final class XfsStatsParser {

    /** Allowed value counts of the labels procfs checks; a negative entry means "at least". */
    private static final Map<String, int[]> COUNTS = Map.ofEntries(
            Map.entry("extent_alloc", new int[] {4}), Map.entry("abt", new int[] {4}),
            Map.entry("blk_map", new int[] {7}), Map.entry("bmbt", new int[] {4}), Map.entry("dir", new int[] {4}),
            Map.entry("trans", new int[] {3}), Map.entry("ig", new int[] {7}), Map.entry("log", new int[] {5}),
            Map.entry("push_ail", new int[] {10}), Map.entry("xstrat", new int[] {2}), Map.entry("rw", new int[] {2}),
            Map.entry("attr", new int[] {4}), Map.entry("icluster", new int[] {3}),
            Map.entry("vnodes", new int[] {7, 8}), Map.entry("buf", new int[] {9}), Map.entry("xpc", new int[] {3}),
            Map.entry("qm", new int[] {8, 9}), Map.entry("debug", new int[] {1}), Map.entry("abtb2", new int[] {15}),
            Map.entry("abtc2", new int[] {15}), Map.entry("bmbt2", new int[] {15}), Map.entry("ibt2", new int[] {15}),
            Map.entry("fibt2", new int[] {15}), Map.entry("rmapbt", new int[] {15}),
            Map.entry("refcntbt", new int[] {15}), Map.entry("rmapbt_mem", new int[] {15}),
            Map.entry("rcbagbt", new int[] {15}), Map.entry("rtrmapbt", new int[] {15}),
            Map.entry("rtrmapbt_mem", new int[] {15}), Map.entry("rtrefcntbt", new int[] {15}),
            Map.entry("zoned", new int[] {-3}), Map.entry("metafile", new int[] {-1}),
            Map.entry("defer_relog", new int[] {1}));

    private XfsStatsParser() {}

    public static XfsStats parse(String device, String text, String source) throws ParseException {
        long[] extentAlloc = new long[4];
        long[] abt = new long[4];
        long[] blkMap = new long[7];
        long[] bmbt = new long[4];
        long[] dir = new long[4];
        long[] ig = new long[7];
        long[] rw = new long[2];
        long[] vnodes = new long[8];
        List<String> lines = Lines.of(text);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String[] f = Lines.fields(line);
            if (f.length < 2) {
                continue;
            }
            String label = f[0];
            if (label.equals("gc") && f.length >= 3 && f[1].equals("xpc")) {
                long[] v = values(f, 2, false, source, i + 1, line);
                if (v.length != 1) {
                    throw ParseException.badLine(source, i + 1, line, "expected 1 value");
                }
                continue;
            }
            boolean wide = label.equals("xpc") || label.equals("defer_relog");
            long[] v = values(f, 1, wide, source, i + 1, line);
            int[] allowed = COUNTS.get(label);
            if (allowed != null && !countOk(allowed, v.length)) {
                throw ParseException.badLine(source, i + 1, line, "unexpected number of values for " + label);
            }
            switch (label) {
                case "extent_alloc":
                    extentAlloc = v;
                    break;
                case "abt":
                    abt = v;
                    break;
                case "blk_map":
                    blkMap = v;
                    break;
                case "bmbt":
                    bmbt = v;
                    break;
                case "dir":
                    dir = v;
                    break;
                case "ig":
                    ig = v;
                    break;
                case "rw":
                    rw = v;
                    break;
                case "vnodes":
                    vnodes = v;
                    break;
                default:
                    break;
            }
        }
        return new XfsStats(device, extentAlloc, abt, blkMap, bmbt, dir, ig, rw, vnodes);
    }

    private static boolean countOk(int[] allowed, int n) {
        for (int a : allowed) {
            if (a < 0 ? n >= -a : n == a) {
                return true;
            }
        }
        return false;
    }

    private static long[] values(String[] f, int from, boolean wide, String source, int lineNo, String line)
            throws ParseException {
        long[] v = new long[f.length - from];
        for (int i = from; i < f.length; i++) {
            try {
                long x = GoStrconv.parseUint(f[i], 10, 64);
                if (!wide && (x < 0 || x > 0xffffffffL)) {
                    throw new NumberFormatException("out of range");
                }
                v[i - from] = x;
            } catch (NumberFormatException e) {
                throw ParseException.badLine(source, lineNo, line, "bad value " + f[i]);
            }
        }
        return v;
    }
}
