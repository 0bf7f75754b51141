package dev.nodepulse.procfs.proc;

import java.util.List;
import java.util.OptionalDouble;

/**
 * /proc/meminfo, in file order. {@code bytes} is the kernel's kB value times 1024; the HugePages_* counts,
 * which carry no unit, are {@code count} entries with {@code inKilobytes} false.
 */
public record Meminfo(List<Entry> entries) {

    public record Entry(String key, double value, boolean inKilobytes) {}

    /** The value (bytes, or the bare number for unit-less keys) of one key. */
    public OptionalDouble get(String key) {
        for (Entry e : entries) {
            if (e.key().equals(key)) {
                return OptionalDouble.of(e.value());
            }
        }
        return OptionalDouble.empty();
    }
}
