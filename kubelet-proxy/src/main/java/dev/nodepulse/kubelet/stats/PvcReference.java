package dev.nodepulse.kubelet.stats;

/** The PVC behind a volume. */
public record PvcReference(String name, String namespace) {}
