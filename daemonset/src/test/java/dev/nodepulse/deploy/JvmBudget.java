package dev.nodepulse.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The most anonymous memory a JVM may commit under its flags: heap (-Xmx), metaspace, code cache, direct
 * buffers (MaxDirectMemorySize, which defaults to the heap size), plus a fixed allowance for threads, GC and
 * VM internals. The allowance follows the NMT breakdown of the tuned agent in ANCHORS.md 4.4 (threads 1.1,
 * symbols 1.2, internal ~2 MiB, GC tables a few MiB) with room to spare.
 */
record JvmBudget(long heap, long metaspace, long codeCache, long direct, long overhead) {

    static final long OVERHEAD = 16L << 20;

    long bytes() {
        return heap + metaspace + codeCache + direct + overhead;
    }

    static JvmBudget of(List<String> options) {
        return of(options, -1);
    }

    /**
     * With {@code containerLimit} (bytes, or -1 for none) a heap given as -XX:MaxRAMPercentage is that share of
     * the limit, as the JVM sizes it inside a container.
     */
    static JvmBudget of(List<String> options, long containerLimit) {
        Long heap = null;
        Long metaspace = null;
        Long code = null;
        Long direct = null;
        for (String o : options) {
            if (o.startsWith("-Xmx")) {
                heap = size(o.substring(4));
            } else if (o.startsWith("-XX:MaxRAMPercentage=") && containerLimit > 0) {
                heap = (long) (containerLimit * Double.parseDouble(o.substring(o.indexOf('=') + 1)) / 100);
            } else if (o.startsWith("-XX:MaxMetaspaceSize=")) {
                metaspace = size(o.substring(o.indexOf('=') + 1));
            } else if (o.startsWith("-XX:ReservedCodeCacheSize=")) {
                code = size(o.substring(o.indexOf('=') + 1));
            } else if (o.startsWith("-XX:MaxDirectMemorySize=")) {
                direct = size(o.substring(o.indexOf('=') + 1));
            }
        }
        if (heap == null || metaspace == null || code == null) {
            throw new AssertionError("JVM flags leave memory unbounded (need -Xmx or -XX:MaxRAMPercentage with a limit, "
                    + "-XX:MaxMetaspaceSize, -XX:ReservedCodeCacheSize): " + options);
        }
        return new JvmBudget(heap, metaspace, code, direct == null ? heap : direct, OVERHEAD);
    }

    /** The JVM options (-X..., -D...) a launcher script passes to java. */
    static List<String> optionsIn(String script) {
        List<String> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?<=\\s)(-X[^\\s\\\\]+|-D[^\\s\\\\]+)").matcher(script);
        while (m.find()) {
            out.add(m.group(1).replace("\"", ""));
        }
        return out;
    }

    static long size(String s) {
        String t = s.toLowerCase(Locale.ROOT);
        long mult = switch (t.charAt(t.length() - 1)) {
            case 'k' -> 1L << 10;
            case 'm' -> 1L << 20;
            case 'g' -> 1L << 30;
            default -> 1;
        };
        String digits = Character.isDigit(t.charAt(t.length() - 1)) ? t : t.substring(0, t.length() - 1);
        return Long.parseLong(digits) * mult;
    }

    @Override
    public String toString() {
        return String.format("heap %d + metaspace %d + code cache %d + direct %d + overhead %d = %d MiB",
                heap >> 20, metaspace >> 20, codeCache >> 20, direct >> 20, overhead >> 20, bytes() >> 20);
    }
}
