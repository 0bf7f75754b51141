package dev.nodepulse.agent.stats;

import dev.nodepulse.cgroups.discovery.CgroupKind;
import dev.nodepulse.cgroups.snapshot.CgroupSample;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.cgroups.snapshot.PodSample;
import dev.nodepulse.cgroups.stats.CgroupSpec;
import dev.nodepulse.kubelet.stats.ContainerStats;
import dev.nodepulse.kubelet.stats.CpuStats;
import dev.nodepulse.kubelet.stats.FsStats;
import dev.nodepulse.kubelet.stats.InterfaceStats;
import dev.nodepulse.kubelet.stats.IoStats;
import dev.nodepulse.kubelet.stats.MemoryStats;
import dev.nodepulse.kubelet.stats.NetworkStats;
import dev.nodepulse.kubelet.stats.NodeStats;
import dev.nodepulse.kubelet.stats.PodReference;
import dev.nodepulse.kubelet.stats.PodStats;
import dev.nodepulse.kubelet.stats.ProcessStats;
import dev.nodepulse.kubelet.stats.PsiData;
import dev.nodepulse.kubelet.stats.PsiStats;
import dev.nodepulse.kubelet.stats.RuntimeStats;
import dev.nodepulse.kubelet.stats.Summary;
import dev.nodepulse.kubelet.stats.SwapStats;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the kubelet's Summary from one cgroup snapshot, field by field as the kubelet's stats providers fill it
 * from cAdvisor (pkg/kubelet/stats helper.go): every CPU, memory and swap object of the snapshot carries the
 * snapshot's time; cumulative counters come straight from the cgroup files, usageNanoCores from {@link CpuRates}.
 * Pressure (cpu.psi, memory.psi, io) is written where the kernel offers it (cgroup v2 with PSI), as kubelets with
 * KubeletPSI (GA in 1.36) write it; without PSI the objects are left out rather than written as zeros.
 *
 * <p>What the kubelet learns from CRI or du walks and the host offers no cheap equivalent for is left out, as the
 * kubelet leaves out what it does not know: the writable-layer usage of container rootfs, the log usage of
 * container logs, the image bytes of imageFs, pod volumes, and hence the used part of ephemeral-storage.
 */
public final class SummaryBuilder {

    /** The kubelet's isMemoryUnlimited: limits above 2^62 are "no limit" (the kernel rounds the maximum down). */
    private static final long UNLIMITED_ABOVE = 1L << 62;
    /** The kubelet copies this interface's counters to the top level of NetworkStats. */
    private static final String DEFAULT_INTERFACE = "eth0";

    private SummaryBuilder() {}

    /**
     * @param rates usageNanoCores by cgroup id; a cgroup without one reports 0, as the kubelet does with one sample
     * @param full  false for the only_cpu_and_memory summary (no network, filesystems, rlimit or process counts)
     * @throws IOException when the snapshot has no root row: the kubelet fails the whole summary then
     */
    public static Summary build(CgroupSnapshot snap, Map<String, Long> rates, NodeInputs in, boolean full)
            throws IOException {
        CgroupSample root = snap.root();
        if (root == null) {
            throw new IOException("failed to get root cgroup stats: the root cgroup could not be read");
        }
        Instant t = Instant.ofEpochMilli(snap.timestampMillis());
        boolean psi = in.pressure();
        Map<String, CgroupSample> byId = new HashMap<>(snap.samples().size() * 2);
        CgroupSample podsRoot = null;
        for (CgroupSample s : snap.samples()) {
            byId.put(s.id(), s);
            if (podsRoot == null && s.kind() == CgroupKind.KUBEPODS && s.cgroup().qos() == null) {
                podsRoot = s;
            }
        }

        List<ContainerStats> system = new ArrayList<>(4);
        SystemCgroups sc = in.systemCgroups();
        addSystem(system, NodeStats.SYSTEM_CONTAINER_KUBELET, byId.get(key(sc.kubelet())), rates, t, psi);
        addSystem(system, NodeStats.SYSTEM_CONTAINER_RUNTIME, byId.get(key(sc.runtime())), rates, t, psi);
        addSystem(system, NodeStats.SYSTEM_CONTAINER_MISC, byId.get(key(sc.misc())), rates, t, psi);
        addSystem(system, NodeStats.SYSTEM_CONTAINER_PODS, podsRoot, rates, t, psi);

        FsStats nodeFs = null;
        RuntimeStats runtime = null;
        if (full && in.rootFs() != null) {
            FsUsage r = in.rootFs();
            // The kubelet stamps node.fs with the root cgroup's sample time.
            nodeFs = new FsStats(t, r.availableBytes(), r.capacityBytes(), r.usedBytes(), r.inodesFree(), r.inodes(),
                    r.inodesUsed());
        }
        if (full && in.imageFs() != null) {
            FsStats image = filesystemOnly(in.imageFs());
            // CRI stats providers report one filesystem for images and writable layers unless the runtime splits them.
            runtime = new RuntimeStats(image, image);
        }
        NodeStats node = new NodeStats(in.nodeName(), system.isEmpty() ? null : system, in.bootTime(),
                cpu(root, rates, t, psi), memory(root, t, psi), io(root, t, psi), full ? network(root, t) : null, nodeFs,
                runtime,
                full ? in.rlimit() : null, swap(root, t));

        Map<String, PodStats> pods = new LinkedHashMap<>();
        for (PodSample p : snap.pods()) {
            PodStats ps = pod(p, rates, in, t, full);
            if (ps == null) {
                continue;
            }
            // Several sandboxes of one pod name (a pod recreated while its old cgroup lingers): keep the newest.
            String k = ps.podRef().namespace() + "/" + ps.podRef().name();
            PodStats seen = pods.get(k);
            if (seen == null || ps.startTime().isAfter(seen.startTime())) {
                pods.put(k, ps);
            }
        }
        return new Summary(node, new ArrayList<>(pods.values()));
    }

    private static String key(String id) {
        return id == null ? "" : id;
    }

    private static void addSystem(List<ContainerStats> out, String name, CgroupSample s, Map<String, Long> rates,
                                  Instant t, boolean psi) {
        if (s == null) {
            return;
        }
        out.add(new ContainerStats(name, startTime(s), cpu(s, rates, t, psi), memory(s, t, psi), io(s, t, psi), null,
                null, null, null, swap(s, t)));
    }

    /** A pod with at least one app container the runtime names, or null (the kubelet lists no other pods). */
    private static PodStats pod(PodSample p, Map<String, Long> rates, NodeInputs in, Instant t, boolean full) {
        if (p.ref() == null || p.ref().name().isEmpty() || p.containers().isEmpty()) {
            return null;
        }
        boolean psi = in.pressure();
        List<ContainerStats> containers = new ArrayList<>(p.containers().size());
        long processes = 0;
        boolean anyProcesses = false;
        for (CgroupSample c : p.containers()) {
            FsStats rootfs = full && in.imageFs() != null ? filesystemOnly(in.imageFs()) : null;
            FsStats logs = full && in.rootFs() != null ? filesystemOnly(in.rootFs()) : null;
            containers.add(new ContainerStats(c.containerName(), startTime(c), cpu(c, rates, t, psi), memory(c, t, psi),
                    io(c, t, psi), null, rootfs, logs, null, swap(c, t)));
            if (c.processes() != null) {
                processes += c.processes().processes();
                anyProcesses = true;
            }
        }
        CgroupSample pc = p.podCgroup();
        FsStats ephemeral = full && in.rootFs() != null ? filesystemOnly(in.rootFs()) : null;
        return new PodStats(new PodReference(p.ref().name(), p.ref().namespace(), p.ref().uid()),
                Instant.ofEpochMilli(p.startTimeMillis()), containers, cpu(pc, rates, t, psi), memory(pc, t, psi),
                io(pc, t, psi),
                full ? network(p.network(), t) : null, null, ephemeral,
                full && anyProcesses ? new ProcessStats(processes) : null, swap(pc, t));
    }

    private static Instant startTime(CgroupSample s) {
        return Instant.ofEpochMilli(s.startTimeMillis());
    }

    /**
     * The kubelet always writes both CPU numbers: 0 for a cgroup without the cpu controller, and usageNanoCores 0
     * until two samples give a rate.
     */
    static CpuStats cpu(CgroupSample s, Map<String, Long> rates, Instant t, boolean psi) {
        if (s.cpu() == null || (s.spec() != null && !s.spec().hasCpu())) {
            return new CpuStats(t, 0L, 0L, null);
        }
        return new CpuStats(t, rates.getOrDefault(s.id(), 0L), s.cpu().usageNanos(),
                psi && s.pressure() != null ? psi(s.pressure().cpu()) : null);
    }

    /** Without the memory controller the kubelet still writes memory, with only time and workingSetBytes 0. */
    static MemoryStats memory(CgroupSample s, Instant t, boolean psi) {
        dev.nodepulse.cgroups.stats.MemoryStats m = s.memory();
        CgroupSpec spec = s.spec();
        if (m == null || (spec != null && !spec.hasMemory())) {
            return new MemoryStats(t, null, null, 0L, null, null, null, null);
        }
        Long available = null;
        if (spec != null && limited(spec.memoryLimit())) {
            available = Math.max(0, spec.memoryLimit() - m.workingSet());
        }
        return new MemoryStats(t, available, known(m.usage()), known(m.workingSet()), known(m.rss()), known(m.pgfault()),
                known(m.pgmajfault()), psi && s.pressure() != null ? psi(s.pressure().memory()) : null);
    }

    /** I/O pressure: the kubelet's IOStats carries PSI only. */
    static IoStats io(CgroupSample s, Instant t, boolean psi) {
        if (!psi || s.pressure() == null || s.pressure().io() == null) {
            return null;
        }
        return new IoStats(t, psi(s.pressure().io()));
    }

    /** The kernel's totals (µs) and averages (%) copied unchanged, as the kubelet passes cAdvisor's on. */
    static PsiStats psi(dev.nodepulse.cgroups.stats.Psi p) {
        if (p == null) {
            return null;
        }
        return new PsiStats(new PsiData(p.fullTotalMicros(), p.fullAvg10(), p.fullAvg60(), p.fullAvg300()),
                new PsiData(p.someTotalMicros(), p.someAvg10(), p.someAvg60(), p.someAvg300()));
    }

    /** Swap usage from the memory controller; available only below a finite swap limit. */
    static SwapStats swap(CgroupSample s, Instant t) {
        dev.nodepulse.cgroups.stats.MemoryStats m = s.memory();
        CgroupSpec spec = s.spec();
        if (m == null || !m.has(m.swap()) || (spec != null && !spec.hasMemory())) {
            return null;
        }
        Long available = null;
        if (spec != null && limited(spec.swapLimit())) {
            available = Math.max(0, spec.swapLimit() - m.swap());
        }
        return new SwapStats(t, available, m.swap());
    }

    /** A limit the kubelet subtracts from: positive (an absent limit file reads 0) and not "unlimited". */
    private static boolean limited(long limit) {
        return limit > 0 && limit <= UNLIMITED_ABOVE;
    }

    private static Long known(long v) {
        return v == dev.nodepulse.cgroups.stats.MemoryStats.ABSENT ? null : v;
    }

    private static NetworkStats network(CgroupSample root, Instant t) {
        return network(root.network(), t);
    }

    /** Every interface the cgroup reader kept (it drops lo, veth*, docker*, nerdctl* as cAdvisor does). */
    static NetworkStats network(List<dev.nodepulse.cgroups.stats.InterfaceStats> ifaces, Instant t) {
        if (ifaces == null) {
            return null;
        }
        InterfaceStats top = InterfaceStats.NONE;
        List<InterfaceStats> all = new ArrayList<>(ifaces.size());
        for (dev.nodepulse.cgroups.stats.InterfaceStats i : ifaces) {
            InterfaceStats k = new InterfaceStats(i.name(), i.rxBytes(), i.rxErrors(), i.txBytes(), i.txErrors());
            if (i.name().equals(DEFAULT_INTERFACE)) {
                top = k;
            }
            all.add(k);
        }
        return new NetworkStats(t, top, all.isEmpty() ? null : all);
    }

    /**
     * A filesystem without the measured object's share: capacity, available and inodes are statfs(2)'s, the object's
     * used bytes and inodes would need CRI or a du walk and are left out.
     */
    static FsStats filesystemOnly(FsUsage u) {
        return new FsStats(u.time(), u.availableBytes(), u.capacityBytes(), null, u.inodesFree(), u.inodes(), null);
    }
}
