package dev.nodepulse.procfs.proc;

import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * /proc/net/sockstat or /proc/net/sockstat6.
 *
 * @param used the "sockets: used N" line's value (IPv4 file only), empty when the file has no such line
 * @param protocols one entry per protocol line, in file order
 */
public record Sockstat(OptionalLong used, List<Protocol> protocols) {

    /**
     * One protocol line, e.g. {@code TCP: inuse 4 orphan 0 tw 4 alloc 17 mem 1}: its name without the colon
     * and its key/value pairs in file order. {@code mem} counts pages.
     */
    public record Protocol(String name, Map<String, Long> values) {

        public OptionalLong get(String key) {
            Long v = values.get(key);
            return v == null ? OptionalLong.empty() : OptionalLong.of(v);
        }
    }
}
