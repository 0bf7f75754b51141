package dev.nodepulse.cgroups.discovery;

import dev.nodepulse.cgroups.runtime.RuntimeKind;

/**
 * One tracked cgroup found by the walk.
 *
 * @param id          the path relative to the hierarchy root, "/" for the root (the kubelet's {@code id} label)
 * @param qos         the QoS class of pod and container cgroups (and QoS slices), null elsewhere
 * @param podUid      the pod UID (with dashes) for POD and CONTAINER cgroups, null elsewhere
 * @param containerId the 64-character runtime ID for CONTAINER cgroups, null elsewhere
 * @param runtimeHint the runtime the cgroup name names (cri-containerd-, crio-, docker-), null for bare IDs
 */
public record DiscoveredCgroup(String id, CgroupKind kind, QosClass qos, String podUid, String containerId,
                               RuntimeKind runtimeHint) {}
