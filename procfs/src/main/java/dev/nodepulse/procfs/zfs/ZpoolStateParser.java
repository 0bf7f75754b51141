package dev.nodepulse.procfs.zfs;

import java.util.Locale;

/** /proc/spl/kstat/zfs/&lt;pool&gt;/state: one word such as ONLINE or DEGRADED, returned in lower case. */
public final class ZpoolStateParser {

    private ZpoolStateParser() {}

    /** The first line lower-cased; "" for an empty file (no state matches then). */
    public static String parse(String text) {
        int nl = text.indexOf('\n');
        String first = nl < 0 ? text : text.substring(0, nl);
        return KstatParser.stripCr(first).toLowerCase(Locale.ROOT);
    }
}
