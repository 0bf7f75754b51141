package dev.nodepulse.kubelet.stats;

import java.time.Instant;

/** Node PID limits: JSON keys {@code maxpid} and {@code curproc} (signed 64-bit in the kubelet's type). */
public record RlimitStats(Instant time, Long maxPid, Long curProc) {}
