package dev.nodepulse.kubelet.stats;

import java.time.Instant;

/** I/O pressure (the kubelet's IOStats carries only PSI). */
public record IoStats(Instant time, PsiStats psi) {}
