package dev.nodepulse.kubelet.stats;

/** The runtime's image filesystem and (when the runtime splits them) its container filesystem. */
public record RuntimeStats(FsStats imageFs, FsStats containerFs) {}
