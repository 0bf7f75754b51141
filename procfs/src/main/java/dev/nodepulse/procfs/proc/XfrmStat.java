package dev.nodepulse.procfs.proc;

import java.util.Map;

/**
 * /proc/net/xfrm_stat: IPsec transformation error counters by their kernel name (XfrmInError, ...).
 * Counters the kernel does not print are absent from the map.
 */
public record XfrmStat(Map<String, Long> counters) {

    /** The counter, 0 when the kernel did not print it (node_exporter publishes 0 then). */
    public long get(String name) {
        return counters.getOrDefault(name, 0L);
    }
}
