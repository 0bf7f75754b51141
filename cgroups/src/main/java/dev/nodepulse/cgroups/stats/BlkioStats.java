package dev.nodepulse.cgroups.stats;

import java.util.List;

/**
 * Block I/O tables of one cgroup, as cAdvisor groups them. On modern v1 kernels (no CFQ/BFQ) and on v2
 * only {@code serviceBytes} and {@code serviced} hold anything; the io.cost tables exist on v2 only.
 * Times are nanoseconds except the io.cost ones, which stay in the kernel's microseconds.
 */
public record BlkioStats(List<BlkioEntry> serviceBytes, List<BlkioEntry> serviced, List<BlkioEntry> queued,
                         List<BlkioEntry> sectors, List<BlkioEntry> serviceTime, List<BlkioEntry> waitTime,
                         List<BlkioEntry> merged, List<BlkioEntry> time, List<BlkioEntry> costUsage,
                         List<BlkioEntry> costWait, List<BlkioEntry> costIndebt, List<BlkioEntry> costIndelay) {

    public static final BlkioStats EMPTY = new BlkioStats(List.of(), List.of(), List.of(), List.of(), List.of(),
            List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());

    public BlkioStats {
        serviceBytes = List.copyOf(serviceBytes);
        serviced = List.copyOf(serviced);
        queued = List.copyOf(queued);
        sectors = List.copyOf(sectors);
        serviceTime = List.copyOf(serviceTime);
        waitTime = List.copyOf(waitTime);
        merged = List.copyOf(merged);
        time = List.copyOf(time);
        costUsage = List.copyOf(costUsage);
        costWait = List.copyOf(costWait);
        costIndebt = List.copyOf(costIndebt);
        costIndelay = List.copyOf(costIndelay);
    }
}
