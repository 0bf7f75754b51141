package dev.nodepulse.procfs.proc;

import java.util.List;
import java.util.Map;

/**
 * /proc/zoneinfo, one entry per {@code Node N, zone Z} block in file order. The per-node statistics the
 * kernel prints inside a node's first zone belong to that zone's entry, as in the procfs library.
 */
public record Zoneinfo(List<Zone> zones) {

    /**
     * One block. {@code values} maps each {@code key value} line (key as printed, e.g. nr_free_pages, min,
     * spanned) to its value, a later line of the same key replacing an earlier one; a value that is not an
     * integer reads as 0, as it does upstream. {@code protection} is the lowmem reserve array, empty when
     * the block has none or it did not parse.
     */
    public record Zone(String node, String zone, Map<String, Long> values, List<Long> protection) {}
}
