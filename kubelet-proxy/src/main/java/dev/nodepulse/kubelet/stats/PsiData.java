package dev.nodepulse.kubelet.stats;

/**
 * One PSI line: {@code total} is the kernel's cumulative stall time copied unchanged (microseconds, whatever
 * the upstream type comment says); the averages are percentages.
 */
public record PsiData(long total, double avg10, double avg60, double avg300) {}
