package dev.nodepulse.agent.stats;

import dev.nodepulse.cli.Flag;
import dev.nodepulse.cli.FlagValues;
import java.util.ArrayList;
import java.util.List;

/**
 * Flags of /stats/summary and /metrics/resource. The cgroup and directory flags carry the kubelet's own names, so a
 * DaemonSet can copy the node's kubelet settings.
 */
public final class StatsFlags {

    private StatsFlags() {}

    public static List<Flag> all() {
        return List.of(
                Flag.string("kubelet-cgroups", "/system.slice/kubelet.service",
                        "The kubelet's cgroup, reported as the \"kubelet\" system container of /stats/summary (the kubelet "
                                + "finds its own; under systemd it is this). Empty: not reported."),
                Flag.string("runtime-cgroups", "",
                        "The container runtime's cgroup (the kubelet's flag, e.g. /system.slice/containerd.service), "
                                + "reported as the \"runtime\" system container. Empty: not reported, as by the kubelet."),
                Flag.string("system-cgroups", "",
                        "The kubelet's --system-cgroups, reported as the \"misc\" system container. Empty: not reported."),
                Flag.string("root-dir", "/var/lib/kubelet",
                        "The kubelet's --root-dir: node.fs, container logs and pod ephemeral-storage describe the "
                                + "filesystem holding it (seen through --path.rootfs)."),
                Flag.string("stats.image-fs-dir", "",
                        "A directory on the runtime's image filesystem (runtime.imageFs, container rootfs). Empty: the "
                                + "default of the runtime the containers run under (containerd's overlayfs snapshotter, "
                                + "CRI-O's storage root, Docker's root)."),
                Flag.duration("stats.statfs-timeout", "5s",
                        "Longest a statfs(2) behind /stats/summary may take; a hung mount leaves its fields out."));
    }

    /** The cgroups the system containers name, for the cgroup walk to track (the kubelet's cAdvisor tracks them too). */
    public static List<String> systemCgroupIds(FlagValues f) {
        List<String> out = new ArrayList<>(3);
        for (String name : List.of("kubelet-cgroups", "runtime-cgroups", "system-cgroups")) {
            String id = f.string(name).strip();
            if (!id.isEmpty() && !id.equals("/")) {
                out.add(id);
            }
        }
        return out;
    }
}
