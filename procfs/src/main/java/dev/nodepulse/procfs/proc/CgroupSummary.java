package dev.nodepulse.procfs.proc;

import java.util.List;

/** /proc/cgroups: the controllers compiled into the kernel, with their hierarchy, cgroup count and state. */
public record CgroupSummary(List<Controller> controllers) {

    public record Controller(String name, int hierarchy, int cgroups, int enabled) {}
}
