package dev.nodepulse.procfs.zfs;

import java.util.List;

/**
 * A pool's I/O kstat (/proc/spl/kstat/zfs/&lt;pool&gt;/io, KSTAT_TYPE_IO): the column names of its header
 * paired with the values below them, in file order (nread, nwritten, reads, writes, wtime, ...).
 */
public record ZpoolIo(List<Counter> counters) {

    public record Counter(String name, double value) {}
}
