package dev.nodepulse.cgroups.runtime;

/** The container runtime whose on-disk state describes a container. */
public enum RuntimeKind { CONTAINERD, CRIO, DOCKER }
