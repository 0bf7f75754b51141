package dev.nodepulse.kubelet.stats;

/** Pressure stall information: the kernel's {@code full} and {@code some} lines, both always written. */
public record PsiStats(PsiData full, PsiData some) {}
