package dev.nodepulse.kubelet.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The reduced summary the kubelet answers {@code /stats/summary?only_cpu_and_memory=true} with, and builds
 * {@code /metrics/resource} from: node name, start time, CPU, memory and swap of the node, its system
 * containers, every pod and every container; nothing else.
 */
public final class CpuAndMemorySummary {

    private CpuAndMemorySummary() {}

    /** Whether a request asked for the reduced summary: exactly one value, equal to "true". */
    public static boolean requested(List<String> onlyCpuAndMemoryValues) {
        return onlyCpuAndMemoryValues.size() == 1 && onlyCpuAndMemoryValues.get(0).equals("true");
    }

    public static Summary of(Summary full) {
        NodeStats n = full.node();
        List<ContainerStats> system = null;
        if (n.systemContainers() != null) {
            system = new ArrayList<>(n.systemContainers().size());
            for (ContainerStats c : n.systemContainers()) {
                system.add(reduce(c));
            }
        }
        NodeStats node = new NodeStats(n.nodeName(), system, n.startTime(), n.cpu(), n.memory(), null, null, null, null,
                null, n.swap());
        List<PodStats> pods = null;
        if (full.pods() != null) {
            pods = new ArrayList<>(full.pods().size());
            for (PodStats p : full.pods()) {
                List<ContainerStats> containers = null;
                if (p.containers() != null) {
                    containers = new ArrayList<>(p.containers().size());
                    for (ContainerStats c : p.containers()) {
                        containers.add(reduce(c));
                    }
                }
                pods.add(new PodStats(p.podRef(), p.startTime(), containers, p.cpu(), p.memory(), null, null, null, null,
                        null, p.swap()));
            }
        }
        return new Summary(node, pods);
    }

    private static ContainerStats reduce(ContainerStats c) {
        return ContainerStats.cpuAndMemory(c.name(), c.startTime(), c.cpu(), c.memory(), c.swap());
    }
}
