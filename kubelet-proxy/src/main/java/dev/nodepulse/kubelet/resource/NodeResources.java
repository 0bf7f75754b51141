package dev.nodepulse.kubelet.resource;

/**
 * The node's usage: cumulative CPU in core-seconds, working set and swap in bytes. A null measurement is
 * unknown, and its series is left out.
 */
public record NodeResources(Measurement cpuSeconds, Measurement workingSetBytes, Measurement swapUsageBytes) {

    public static final NodeResources UNKNOWN = new NodeResources(null, null, null);
}
