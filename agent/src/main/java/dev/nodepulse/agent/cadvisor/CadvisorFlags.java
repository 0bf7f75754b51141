package dev.nodepulse.agent.cadvisor;

import dev.nodepulse.cli.Flag;
import java.util.List;

/** Flags of the container-metrics side (cgroup walk, /metrics/cadvisor). */
public final class CadvisorFlags {

    private CadvisorFlags() {}

    public static List<Flag> all() {
        return List.of(
                Flag.bool("cadvisor.enabled", true,
                        "Read cgroups and serve /metrics/cadvisor (the kubelet's container metrics)."),
                Flag.string("path.cgroupfs", "",
                        "cgroup filesystem mountpoint (v1 controllers or the v2 tree); default <path.sysfs>/fs/cgroup."),
                Flag.duration("housekeeping-interval", "10s",
                        "Interval of the background cgroup walk that refreshes limits, fd/socket counts and keeps the "
                                + "previous snapshot for rates (the kubelet's housekeeping interval)."),
                Flag.string("cgroup-root", "/",
                        "The kubelet's --cgroup-root: the node-allocatable cgroup is <cgroup-root>/kubepods[.slice]."),
                Flag.repeatable("cadvisor.extra-cgroups",
                        "Further cgroups exported with their subtrees as raw rows, like the kubelet's own "
                                + "(--kubelet-cgroups, --runtime-cgroups, --system-cgroups). Repeatable; missing ones are "
                                + "skipped.").withDefault("/system.slice/kubelet.service"),
                Flag.bool("cadvisor.pressure", true,
                        "Export container_pressure_* where the kernel offers PSI (the kubelet's KubeletPSI gate)."),
                Flag.integer("cadvisor.walk-threads", 2, "Threads reading cgroups in parallel during one walk."),
                Flag.integer("cadvisor.max-open-files", 32768,
                        "Most cgroup files kept open between walks (re-read with pread, several times cheaper than "
                                + "opening them each walk; each costs the agent's cgroup ~4 KiB of kernel memory once "
                                + "read). A walk reads 13-14 files per cgroup. Capped by the process's fd limit less a "
                                + "reserve (1/16 of it, at least 1024). 0 opens every file per read."),
                Flag.integer("cadvisor.max-fd-readlinks", 100_000,
                        "Most open fds examined per housekeeping walk to count sockets; cgroups beyond it report no "
                                + "container_sockets until the next walk (bounds the cost of fd-heavy workloads)."));
    }
}
