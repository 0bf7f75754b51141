package dev.nodepulse.kubelet.stats;

/** Cumulative counters of one network interface; {@code name} is always written, the counters when known. */
public record InterfaceStats(String name, Long rxBytes, Long rxErrors, Long txBytes, Long txErrors) {

    /** What the kubelet puts at the top level of NetworkStats when there is no {@code eth0}. */
    public static final InterfaceStats NONE = new InterfaceStats("", null, null, null, null);
}
