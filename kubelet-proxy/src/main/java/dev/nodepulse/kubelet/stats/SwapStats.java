package dev.nodepulse.kubelet.stats;

import java.time.Instant;

/** Swap at {@code time}; {@code swapAvailableBytes} is absent when the swap limit is unlimited. */
public record SwapStats(Instant time, Long swapAvailableBytes, Long swapUsageBytes) {}
