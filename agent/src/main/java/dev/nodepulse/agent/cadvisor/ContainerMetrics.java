package dev.nodepulse.agent.cadvisor;

import com.sun.net.httpserver.HttpHandler;
import dev.nodepulse.cgroups.CgroupLayout;
import dev.nodepulse.cgroups.discovery.CgroupDiscovery;
import dev.nodepulse.cgroups.runtime.MetadataResolver;
import dev.nodepulse.cgroups.runtime.RuntimeStateDirs;
import dev.nodepulse.cgroups.snapshot.HostMemory;
import dev.nodepulse.cgroups.snapshot.SnapshotReader;
import dev.nodepulse.cgroups.stats.OpenFiles;
import dev.nodepulse.cgroups.stats.ProcReader;
import dev.nodepulse.cli.FlagValues;
import dev.nodepulse.log.Log;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.machine.BlockDeviceNames;
import dev.nodepulse.procfs.machine.MachineInfo;
import dev.nodepulse.procfs.machine.MachineInfoReader;
import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The container side of the agent, wired from flags: cgroup layout, snapshot reader and service, machine info,
 * and the /metrics/cadvisor handler. {@link #snapshots()} is what /stats/summary and /metrics/resource read.
 */
public final class ContainerMetrics implements AutoCloseable {

    private static final Log LOG = Log.get(ContainerMetrics.class);

    private final ContainerSnapshots snapshots;
    private final CadvisorEndpoint endpoint;
    private final ExecutorService walkers;
    private final CgroupWalkMetrics walkMetrics;

    private ContainerMetrics(ContainerSnapshots snapshots, CadvisorEndpoint endpoint, ExecutorService walkers,
                             CgroupWalkMetrics walkMetrics) {
        this.snapshots = snapshots;
        this.endpoint = endpoint;
        this.walkers = walkers;
        this.walkMetrics = walkMetrics;
    }

    public static ContainerMetrics start(FlagValues f, HostPaths paths) throws IOException {
        if (!f.bool("cadvisor.enabled")) {
            return new ContainerMetrics(null, null, null, null);
        }
        MachineInfo machine;
        try {
            machine = new MachineInfoReader(paths).read();
        } catch (IOException | RuntimeException e) {
            LOG.warn("cannot read machine info; machine_* families report machine_scrape_error 1", "err", e.toString());
            machine = null;
        }
        BlockDeviceNames devices;
        try {
            devices = BlockDeviceNames.read(paths);
        } catch (IOException e) {
            devices = BlockDeviceNames.empty();
        }
        CadvisorExposition exposition = new CadvisorExposition(machine, devices, f.bool("cadvisor.pressure"));
        String cg = f.string("path.cgroupfs");
        Path cgroupfs = cg.isEmpty() ? paths.sys("fs", "cgroup") : Path.of(cg);
        CgroupLayout layout;
        try {
            layout = CgroupLayout.detect(cgroupfs);
        } catch (CgroupLayout.NoCgroupsException e) {
            LOG.warn("no cgroups to read; /metrics/cadvisor serves machine metrics only", "err", e.getMessage());
            return new ContainerMetrics(null, new CadvisorEndpoint(null, exposition), null, null);
        }
        int threads = Math.max(1, f.integer("cadvisor.walk-threads"));
        AtomicInteger n = new AtomicInteger();
        ExecutorService walkers = threads > 1 ? Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "cgroup-walk-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        }) : null;
        long boot = bootMillis(paths);
        int budget = openFileBudget(f.integer("cadvisor.max-open-files"));
        MetadataResolver metadata = new MetadataResolver(paths.rootfs(), RuntimeStateDirs.DEFAULTS,
                (id, why) -> LOG.warn("cannot parse the container's runtime state; it keeps only its id", "id", id,
                        "err", why));
        SnapshotReader reader = new SnapshotReader(layout,
                new CgroupDiscovery(layout.discoveryRoot(), f.string("cgroup-root"), trackedExtras(f)),
                new ProcReader(paths.procfs()), metadata,
                new HostMemory(paths.procfs()), () -> boot, walkers, threads,
                new OpenFiles(budget));
        ContainerSnapshots snapshots = new ContainerSnapshots(reader::read, f.integer("cadvisor.max-fd-readlinks"))
                .start(f.duration("housekeeping-interval"));
        LOG.info("Reading cgroups", "path", cgroupfs.toString(), "layout", layout.describe(), "walk_threads", threads,
                "max_open_files", budget);
        return new ContainerMetrics(snapshots, new CadvisorEndpoint(snapshots, exposition), walkers,
                new CgroupWalkMetrics(snapshots, metadata));
    }

    /** --cadvisor.extra-cgroups and the system containers' cgroups: the kubelet's cAdvisor tracks all of them. */
    static java.util.List<String> trackedExtras(FlagValues f) {
        java.util.List<String> out = new java.util.ArrayList<>(f.all("cadvisor.extra-cgroups"));
        out.addAll(dev.nodepulse.agent.stats.StatsFlags.systemCgroupIds(f));
        return out;
    }

    /**
     * How many cgroup files to keep open: what --cadvisor.max-open-files asks, within the process's fd limit less a
     * reserve for everything else (HTTP connections, collectors' transient files, the JVM's own jars): 1/16 of the
     * limit and at least 1024, but never more than half of a small limit. At 20000 fds (this repository's bench
     * host) that is 18750, enough for 1000 containers (~1340 cgroups x 13-14 files); under containerd's default
     * limit (1048576) the flag's 32768 decides.
     */
    static int openFileBudget(int wanted) {
        long limit = Long.MAX_VALUE;
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.UnixOperatingSystemMXBean unix) {
            limit = unix.getMaxFileDescriptorCount();
        }
        return openFileBudget(wanted, limit);
    }

    static int openFileBudget(int wanted, long fdLimit) {
        long usable = Math.max(fdLimit / 2, fdLimit - Math.max(1024, fdLimit / 16));
        return (int) Math.max(0, Math.min(wanted, usable));
    }

    /** The host's boot time (btime of /proc/stat) in epoch milliseconds; 0 when unreadable. */
    public static long bootMillis(HostPaths paths) {
        try {
            for (String line : SmallFiles.readLines(paths.proc("stat"))) {
                if (line.startsWith("btime ")) {
                    return Long.parseLong(line.substring(6).strip()) * 1000;
                }
            }
        } catch (IOException | NumberFormatException e) {
            LOG.debug("no boot time; cgroup creation times are not floored", "err", e.toString());
        }
        return 0;
    }

    /** The cgroup walk's own health metrics, for /metrics; null when cgroups are off or absent. */
    public CgroupWalkMetrics walkMetrics() {
        return walkMetrics;
    }

    /** The snapshot service; null when cgroups are off or absent. */
    public ContainerSnapshots snapshots() {
        return snapshots;
    }

    /** The /metrics/cadvisor handler; null when --no-cadvisor.enabled. */
    public HttpHandler endpoint() {
        return endpoint;
    }

    @Override
    public void close() {
        if (snapshots != null) {
            snapshots.close();
        }
        if (walkers != null) {
            walkers.shutdownNow();
        }
    }
}
