package dev.nodepulse.procfs.proc;

import java.util.List;

/**
 * /proc/buddyinfo: per node and zone, the number of free blocks of each order (2^order pages), lowest
 * order first.
 */
public record Buddyinfo(List<Zone> zones) {

    public record Zone(String node, String zone, List<Double> freeBlocks) {}
}
