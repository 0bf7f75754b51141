package dev.nodepulse.kubelet.stats;

import java.time.Instant;

/** Memory at {@code time}, all in bytes except the two cumulative fault counts. Null fields are unknown. */
public record MemoryStats(Instant time, Long availableBytes, Long usageBytes, Long workingSetBytes, Long rssBytes,
        Long pageFaults, Long majorPageFaults, PsiStats psi) {}
