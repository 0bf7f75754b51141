package dev.nodepulse.procfs.sys;

import java.util.List;

/**
 * /sys/devices/system/node/node&lt;N&gt;/meminfo, in file order. Field names are as node_exporter publishes
 * them: "Active(anon)" becomes "Active_anon". Values in kB are converted to bytes; unit-less counts
 * (HugePages_*) are kept as they are.
 */
public record NodeMeminfo(List<Entry> entries) {

    /** {@code node} is the number the line itself names ("Node 1 MemTotal: ..."). */
    public record Entry(String node, String field, double value) {}
}
