package dev.nodepulse.kubelet.stats;

/** Identifies a pod; all three keys are always written. */
public record PodReference(String name, String namespace, String uid) {}
