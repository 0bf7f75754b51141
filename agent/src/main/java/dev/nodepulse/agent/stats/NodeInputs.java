package dev.nodepulse.agent.stats;

import dev.nodepulse.kubelet.stats.RlimitStats;
import java.time.Instant;

/**
 * What a summary needs beside the cgroup snapshot. The filesystems and the rlimit are null when unknown (or not
 * asked for: the CPU-and-memory summary reads none of them).
 *
 * @param rootFs  the filesystem holding the kubelet's root dir (node.fs, container logs, pod ephemeral-storage)
 * @param imageFs the runtime's image filesystem (runtime.imageFs and containerFs, container rootfs)
 * @param pressure write PSI where the kernel offers it (the kubelet's KubeletPSI gate, --cadvisor.pressure)
 */
public record NodeInputs(String nodeName, Instant bootTime, SystemCgroups systemCgroups, FsUsage rootFs,
                         FsUsage imageFs, RlimitStats rlimit, boolean pressure) {}
