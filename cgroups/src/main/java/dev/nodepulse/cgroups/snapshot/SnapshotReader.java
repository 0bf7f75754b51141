package dev.nodepulse.cgroups.snapshot;

import dev.nodepulse.cgroups.CgroupLayout;
import dev.nodepulse.cgroups.discovery.CgroupDiscovery;
import dev.nodepulse.cgroups.discovery.CgroupKind;
import dev.nodepulse.cgroups.discovery.DiscoveredCgroup;
import dev.nodepulse.cgroups.runtime.ContainerMetadata;
import dev.nodepulse.cgroups.runtime.MetadataResolver;
import dev.nodepulse.cgroups.stats.BlkioStats;
import dev.nodepulse.cgroups.stats.CgroupSpec;
import dev.nodepulse.cgroups.stats.CgroupStatsReader;
import dev.nodepulse.cgroups.stats.CgroupVanishedException;
import dev.nodepulse.cgroups.stats.CpuStats;
import dev.nodepulse.cgroups.stats.InterfaceStats;
import dev.nodepulse.cgroups.stats.MemoryStats;
import dev.nodepulse.cgroups.stats.OpenFiles;
import dev.nodepulse.cgroups.stats.PressureStats;
import dev.nodepulse.cgroups.stats.ProcReader;
import dev.nodepulse.cgroups.stats.ProcessStats;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Takes {@link CgroupSnapshot}s: discovers the tracked cgroups, resolves container identities, reads every
 * cgroup once. Limits, fd/socket counts and open-files limits are "slow data": re-read only on walks that ask
 * for it (the housekeeping loop's), reused otherwise. Thread-safe for one walk at a time; the caller serialises
 * walks (single-flight).
 */
public final class SnapshotReader {

    /** Values kept from the last walk that read slow data. */
    private record SlowProcessData(long fds, long sockets, long maxOpenFiles) {}

    /** What is kept of one cgroup between walks, found with one lookup per walk. */
    private static final class Tracked {
        final CgroupStatsReader.Cgroup stats;
        CgroupSpec spec;
        SlowProcessData slow;

        Tracked(CgroupStatsReader.Cgroup stats) {
            this.stats = stats;
        }
    }

    private final CgroupLayout layout;
    private final CgroupDiscovery discovery;
    private final CgroupStatsReader stats;
    private final ProcReader proc;
    private final MetadataResolver metadata;
    private final HostMemory hostMemory;
    private final LongSupplier bootMillis;
    private final ExecutorService executor;
    private final int parallelism;
    private final Map<String, Tracked> tracked = new ConcurrentHashMap<>();

    /**
     * @param executor    runs chunks of a walk in parallel; null reads on the calling thread
     * @param parallelism how many chunks a walk is split into when {@code executor} is given
     */
    public SnapshotReader(CgroupLayout layout, CgroupDiscovery discovery, ProcReader proc, MetadataResolver metadata,
                          HostMemory hostMemory, LongSupplier bootMillis, ExecutorService executor, int parallelism) {
        this(layout, discovery, proc, metadata, hostMemory, bootMillis, executor, parallelism, new OpenFiles(0));
    }

    /** @param files keeps the per-walk files open between walks (a budget of 0 opens them per read) */
    public SnapshotReader(CgroupLayout layout, CgroupDiscovery discovery, ProcReader proc, MetadataResolver metadata,
                          HostMemory hostMemory, LongSupplier bootMillis, ExecutorService executor, int parallelism,
                          OpenFiles files) {
        this.layout = layout;
        this.discovery = discovery;
        this.stats = CgroupStatsReader.of(layout, hostMemory, files);
        this.proc = proc;
        this.metadata = metadata;
        this.hostMemory = hostMemory;
        this.bootMillis = bootMillis;
        this.executor = executor;
        this.parallelism = Math.max(1, parallelism);
    }

    public CgroupLayout layout() {
        return layout;
    }

    public CgroupSnapshot read(ReadOptions opts) throws IOException {
        long start = System.nanoTime();
        long now = System.currentTimeMillis();
        List<DiscoveredCgroup> found = discovery.discover();

        // Identities first: a pod row is named after its containers' runtime records.
        Map<String, ContainerMetadata> meta = new HashMap<>();
        Map<String, PodRef> pods = new HashMap<>();
        List<String> liveIds = new ArrayList<>();
        for (DiscoveredCgroup d : found) {
            if (d.kind() == CgroupKind.CONTAINER) {
                liveIds.add(d.containerId());
                ContainerMetadata m = metadata.resolve(d.containerId(), d.runtimeHint());
                if (m != null) {
                    meta.put(d.id(), m);
                    PodRef known = pods.get(d.podUid());
                    if (known == null || (known.name().isEmpty() && !m.podName().isEmpty()) || m.sandbox()) {
                        pods.put(d.podUid(), new PodRef(d.podUid(), m.podName(), m.podNamespace()));
                    }
                }
            }
        }
        HostMemory.Totals totals = hostMemory.read();

        AtomicLong budget = new AtomicLong(opts.readlinkBudget());
        AtomicInteger vanished = new AtomicInteger();
        List<String> errors = Collections.synchronizedList(new ArrayList<>());
        CgroupSample[] samples = new CgroupSample[found.size()];
        if (executor == null || parallelism == 1 || found.size() < 32) {
            readRange(found, 0, 1, samples, meta, pods, totals, opts, budget, vanished, errors);
        } else {
            List<Future<?>> futures = new ArrayList<>();
            for (int k = 0; k < parallelism; k++) {
                final int first = k;
                futures.add(executor.submit(() -> readRange(found, first, parallelism, samples, meta, pods, totals, opts,
                        budget, vanished, errors)));
            }
            for (Future<?> f : futures) {
                try {
                    f.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading cgroups", e);
                } catch (java.util.concurrent.ExecutionException e) {
                    throw new IOException("reading cgroups failed: " + e.getCause(), e.getCause());
                }
            }
        }

        List<CgroupSample> list = new ArrayList<>(samples.length);
        Set<String> liveCgroups = new HashSet<>();
        for (CgroupSample s : samples) {
            if (s != null) {
                list.add(s);
                liveCgroups.add(s.id());
            }
        }
        tracked.keySet().retainAll(liveCgroups);
        stats.retain(liveCgroups);
        metadata.retain(liveIds);
        return new CgroupSnapshot(now, System.nanoTime() - start, layout, list, assemblePods(list), vanished.get(),
                errors);
    }

    private void readRange(List<DiscoveredCgroup> found, int first, int step, CgroupSample[] out,
                           Map<String, ContainerMetadata> meta, Map<String, PodRef> pods, HostMemory.Totals totals,
                           ReadOptions opts, AtomicLong budget, AtomicInteger vanished, List<String> errors) {
        for (int i = first; i < found.size(); i += step) {
            DiscoveredCgroup d = found.get(i);
            ContainerMetadata m = meta.get(d.id());
            // A container no runtime knows keeps only its id, as the kubelet shows it (a raw cgroup to cAdvisor).
            boolean unknown = d.kind() == CgroupKind.CONTAINER && m == null;
            PodRef pod = d.podUid() == null || unknown ? null
                    : pods.getOrDefault(d.podUid(), new PodRef(d.podUid(), "", ""));
            try {
                out[i] = readOne(d, m, pod, totals, opts, budget);
            } catch (CgroupVanishedException gone) {
                vanished.incrementAndGet();
            } catch (IOException | RuntimeException e) {
                if (d.kind() != CgroupKind.ROOT && !stats.exists(d.id())) {
                    vanished.incrementAndGet();
                } else {
                    errors.add(d.id() + ": " + e.getMessage());
                }
            }
        }
    }

    private CgroupSample readOne(DiscoveredCgroup d, ContainerMetadata m, PodRef pod, HostMemory.Totals totals,
                                 ReadOptions opts, AtomicLong budget) throws IOException {
        String id = d.id();
        boolean root = d.kind() == CgroupKind.ROOT;
        Tracked t = tracked.get(id);
        if (t == null) {
            t = tracked.computeIfAbsent(id, k -> new Tracked(stats.cgroup(k)));
        }
        CgroupSpec spec = t.spec;
        if (spec == null || opts.slowData()) {
            spec = stats.spec(id, bootMillis.getAsLong());
            if (root) {
                // cAdvisor gives the machine row the machine's memory and swap as limits.
                spec = new CgroupSpec(spec.hasCpu(), spec.cpuShares(), spec.cpuPeriodMicros(), spec.cpuQuotaMicros(),
                        true, totals.memTotal(), totals.swapTotal(), spec.memoryReservation(), spec.hasPids(),
                        spec.pidsLimit(), spec.creationTimeMillis());
            }
            t.spec = spec;
        }
        CgroupStatsReader.Cgroup c = t.stats;
        CpuStats cpu = stats.cpu(c, spec.hasQuota(), opts.perCpu());
        MemoryStats memory = stats.memory(c);
        BlkioStats blkio = stats.blkio(c);
        PressureStats pressure = stats.pressure(c);
        long[] pids = stats.pids(c);
        int[] procs = proc.pids(c.files(), stats.procsDir(c));
        int firstPid = root ? 1 : (procs.length > 0 ? procs[0] : 0);

        SlowProcessData sd = t.slow;
        if (sd == null || opts.slowData()) {
            long[] fds = proc.fds(procs, budget);
            long nofile = firstPid > 0 && (root || d.kind() == CgroupKind.CONTAINER)
                    ? proc.maxOpenFiles(firstPid) : ProcessStats.ABSENT;
            sd = new SlowProcessData(fds[0], fds[1], nofile);
            t.slow = sd;
        }
        long threadsMax = !spec.hasPids() ? ProcessStats.ABSENT
                : spec.pidsLimit() == CgroupSpec.UNLIMITED ? 0 : spec.pidsLimit();
        ProcessStats processes = new ProcessStats(procs.length,
                pids == null ? ProcessStats.ABSENT : pids[0], pids == null ? ProcessStats.ABSENT : threadsMax,
                sd.fds(), sd.sockets(), firstPid, sd.maxOpenFiles());

        List<InterfaceStats> network = null;
        if (root) {
            network = proc.network(1);
        } else if (m != null && m.sandbox() && firstPid > 0) {
            network = proc.network(firstPid);
        }
        return new CgroupSample(d, m, pod, spec, cpu, memory, blkio, pressure, processes, network);
    }

    private List<PodSample> assemblePods(List<CgroupSample> samples) throws IOException {
        Map<String, CgroupSample> podRows = new LinkedHashMap<>();
        Map<String, List<CgroupSample>> containers = new HashMap<>();
        for (CgroupSample s : samples) {
            if (s.kind() == CgroupKind.POD) {
                podRows.put(s.cgroup().podUid(), s);
            } else if (s.kind() == CgroupKind.CONTAINER) {
                containers.computeIfAbsent(s.cgroup().podUid(), k -> new ArrayList<>()).add(s);
            }
        }
        List<PodSample> out = new ArrayList<>(podRows.size());
        for (Map.Entry<String, CgroupSample> e : podRows.entrySet()) {
            CgroupSample podRow = e.getValue();
            CgroupSample sandbox = null;
            List<CgroupSample> apps = new ArrayList<>();
            for (CgroupSample c : containers.getOrDefault(e.getKey(), List.of())) {
                if (c.isSandbox()) {
                    sandbox = c;
                } else if (c.metadata() != null) {
                    apps.add(c);
                }
            }
            List<InterfaceStats> network = sandbox == null ? null : sandbox.network();
            if (network == null) {
                // No sandbox process (CRI-O without infra containers): any process of the pod shares its netns.
                for (CgroupSample c : apps) {
                    if (c.processes().firstPid() > 0) {
                        network = proc.network(c.processes().firstPid());
                        if (network != null) {
                            break;
                        }
                    }
                }
            }
            out.add(new PodSample(podRow.pod(), podRow.cgroup().qos(), podRow, sandbox, apps, network));
        }
        return out;
    }
}
