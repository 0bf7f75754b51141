package dev.nodepulse.procfs.proc;

import java.util.List;

/**
 * One file of /proc/net/stat/ (arp_cache, ndisc_cache, nf_conntrack, rt_cache, ...): a header of column
 * names and one row of hexadecimal counters per CPU. {@code perCpu.get(c)} holds column c's value for
 * each CPU row in order; columns are in header order.
 */
public record NetStatTable(String name, List<Column> columns) {

    public record Column(String name, List<Double> perCpu) {}
}
