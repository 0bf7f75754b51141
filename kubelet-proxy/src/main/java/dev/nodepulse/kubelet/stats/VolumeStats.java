package dev.nodepulse.kubelet.stats;

/**
 * One mounted volume; the FsStats fields are flattened into it in JSON. {@code name} is omitted when empty.
 * {@code volumeHealthStats} existed up to Kubernetes 1.36 and is kept so older kubelets' documents survive a
 * round trip.
 */
public record VolumeStats(FsStats fs, String name, PvcReference pvcRef, VolumeHealthStats volumeHealthStats) {}
