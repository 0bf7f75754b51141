package dev.nodepulse.procfs.proc;

import java.util.List;

/**
 * /proc/softirqs: per softirq vector the per-CPU counts, for the ten vectors the procfs library knows, in
 * the kernel's order. A vector the file does not list has no entry.
 */
public record Softirqs(List<Vector> vectors) {

    /** {@code name} as printed without the colon: HI, TIMER, NET_TX, NET_RX, BLOCK, IRQ_POLL, ... */
    public record Vector(String name, List<Double> perCpu) {}

    public static final List<String> KNOWN = List.of(
            "HI", "TIMER", "NET_TX", "NET_RX", "BLOCK", "IRQ_POLL", "TASKLET", "SCHED", "HRTIMER", "RCU");
}
