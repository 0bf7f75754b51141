package dev.nodepulse.cgroups.snapshot;

/** A pod's identity: UID from its cgroup name, name and namespace from the runtime's records ("" when unknown). */
public record PodRef(String uid, String name, String namespace) {}
