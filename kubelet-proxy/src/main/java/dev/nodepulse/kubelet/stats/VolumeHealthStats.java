package dev.nodepulse.kubelet.stats;

/** CSI volume health (removed from the kubelet's type after 1.36). */
public record VolumeHealthStats(boolean abnormal) {}
