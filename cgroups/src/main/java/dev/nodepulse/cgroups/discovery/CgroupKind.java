package dev.nodepulse.cgroups.discovery;

/** What a tracked cgroup is, which decides how the kubelet labels its row. */
public enum CgroupKind {
    /** The hierarchy root, id "/": the node. */
    ROOT,
    /** The node-allocatable root ({@code /kubepods} or {@code /kubepods.slice}) and its QoS children. */
    KUBEPODS,
    /** A pod cgroup ({@code pod<uid>} or {@code ...-pod<uid>.slice}). */
    POD,
    /** A container cgroup the runtime created under a pod (sandbox or app container). */
    CONTAINER,
    /** Anything else that is tracked: kubelet/runtime/system cgroups, conmon, sub-cgroups of containers. */
    RAW
}
