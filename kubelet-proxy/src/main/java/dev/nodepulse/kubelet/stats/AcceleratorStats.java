package dev.nodepulse.kubelet.stats;

/** Legacy cAdvisor GPU stats, kept for schema completeness; current kubelets never fill them. */
public record AcceleratorStats(String make, String model, String id, long memoryTotal, long memoryUsed,
        long dutyCycle) {}
