package dev.nodepulse.kubelet.stats;

/** A pod's process count (JSON key {@code process_count}). */
public record ProcessStats(Long processCount) {}
