package dev.nodepulse.procfs.sys;

import java.util.List;

/** /sys/devices/system/node/node&lt;N&gt;/numastat: allocation counters (numa_hit, local_node, ...) in file order. */
public record Numastat(List<Counter> counters) {

    public record Counter(String name, double value) {}
}
