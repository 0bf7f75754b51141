package dev.nodepulse.aggregator.storage;

import dev.nodepulse.log.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * metrics-server's storage, kept per node so that scrapes and pushes can arrive node by node: for the node and
 * for every container the last and the previous point, rates between the two, and the same rules for moving
 * points, restarts, fresh containers, stale data and duplicates (see metrics-api.md 2.3-2.4).
 *
 * <p>A node section that was not refreshed for {@code staleAfter} is served as absent and dropped, which is
 * what metrics-server's replace-everything-per-tick gives for a node that stopped answering.
 */
public final class TwoPointStorage implements MetricsStorage {

    private static final Log LOG = Log.get(TwoPointStorage.class);
    /** metrics-server's freshContainerMinMetricsResolution. */
    static final long FRESH_CONTAINER_MIN_NANOS = Duration.ofSeconds(10).toNanos();

    /** A container's two points; {@code prev} null until it has one. */
    record ContainerPoints(String name, MetricsPoint last, MetricsPoint prev) {}

    /** One pod's containers, sorted by name. */
    record PodPoints(List<ContainerPoints> containers, boolean anyPrev) {}

    /** Everything one node reported, replaced whole on every store. */
    record NodeSection(MetricsPoint nodeLast, MetricsPoint nodePrev, Map<PodRef, PodPoints> pods, long storedAtNanos) {}

    private final long resolutionNanos;
    private final long staleAfterNanos;
    private final LongSupplier monotonicClock;
    private final Map<String, NodeSection> sections = new ConcurrentHashMap<>();
    /** Which node a pod's points came from, so a pod reported by two nodes is kept once (first wins). */
    private final Map<PodRef, String> podOwners = new ConcurrentHashMap<>();

    public TwoPointStorage(Duration resolution, Duration staleAfter) {
        this(resolution, staleAfter, System::nanoTime);
    }

    TwoPointStorage(Duration resolution, Duration staleAfter, LongSupplier monotonicClock) {
        this.resolutionNanos = resolution.toNanos();
        this.staleAfterNanos = staleAfter.toNanos();
        this.monotonicClock = monotonicClock;
    }

    @Override
    public void store(String node, NodeBatch batch) {
        NodeSection old = sections.get(node);
        if (batch == null) {
            forget(node, old);
            return;
        }
        long now = monotonicClock.getAsLong();
        if (old != null && now - old.storedAtNanos() > staleAfterNanos) {
            old = null;
        }
        MetricsPoint nodeLast = batch.node();
        MetricsPoint nodePrev = null;
        if (nodeLast != null && old != null && old.nodeLast() != null) {
            if (nodeLast.timestampNanos() > old.nodeLast().timestampNanos()) {
                nodePrev = old.nodeLast();
            } else if (old.nodePrev() != null && old.nodePrev().timestampNanos() < nodeLast.timestampNanos()) {
                nodePrev = old.nodePrev();
            }
        }

        Map<PodRef, PodPoints> pods = new HashMap<>(Math.max(4, batch.pods().size() * 4 / 3 + 1));
        for (Map.Entry<PodRef, Map<String, MetricsPoint>> e : batch.pods().entrySet()) {
            PodRef ref = e.getKey();
            String owner = podOwners.putIfAbsent(ref, node);
            if (owner != null && !owner.equals(node)) {
                NodeSection ownerSection = sections.get(owner);
                if (ownerSection != null && ownerSection.pods().containsKey(ref)) {
                    LOG.warn("Got duplicate pod point", "pod", ref, "node", node, "kept_from", owner);
                    continue;
                }
                podOwners.put(ref, node);
            }
            PodPoints previous = old == null ? null : old.pods().get(ref);
            pods.put(ref, podPoints(e.getValue(), previous));
        }
        sections.put(node, new NodeSection(nodeLast, nodePrev, pods, now));
        if (old != null) {
            for (PodRef ref : old.pods().keySet()) {
                if (!pods.containsKey(ref)) {
                    podOwners.remove(ref, node);
                }
            }
        }
    }

    /** metrics-server's podStorage.Store for one pod. */
    private PodPoints podPoints(Map<String, MetricsPoint> reported, PodPoints previous) {
        List<String> names = new ArrayList<>(reported.keySet());
        names.sort(null);
        List<ContainerPoints> out = new ArrayList<>(names.size());
        boolean anyPrev = false;
        for (String name : names) {
            MetricsPoint p = reported.get(name);
            MetricsPoint prev = null;
            long age = p.timestampNanos() - p.startTimeNanos();
            if (p.startTimeNanos() < p.timestampNanos() && age < resolutionNanos && age >= FRESH_CONTAINER_MIN_NANOS) {
                // A container younger than one resolution: its counter was 0 at its start.
                prev = new MetricsPoint(p.startTimeNanos(), p.startTimeNanos(), 0, p.memoryBytes());
            } else if (previous != null) {
                ContainerPoints last = find(previous, name);
                // Kept only for the same instance: it started before the stored point was taken.
                if (last != null && p.startTimeNanos() < last.last().timestampNanos()) {
                    if (p.timestampNanos() > last.last().timestampNanos()) {
                        prev = last.last();
                    } else if (previous.anyPrev()) {
                        MetricsPoint older = last.prev() == null ? MetricsPoint.EMPTY : last.prev();
                        if (older.timestampNanos() < p.timestampNanos()) {
                            prev = last.prev();
                        }
                    }
                }
            }
            anyPrev |= prev != null;
            out.add(new ContainerPoints(name, p, prev));
        }
        return new PodPoints(List.copyOf(out), anyPrev);
    }

    private static ContainerPoints find(PodPoints pod, String name) {
        for (ContainerPoints c : pod.containers()) {
            if (c.name().equals(name)) {
                return c;
            }
        }
        return null;
    }

    private void forget(String node, NodeSection old) {
        if (old == null) {
            return;
        }
        sections.remove(node, old);
        for (PodRef ref : old.pods().keySet()) {
            podOwners.remove(ref, node);
        }
    }

    @Override
    public void retainNodes(Collection<String> keep) {
        Set<String> k = keep instanceof Set<String> s ? s : new HashSet<>(keep);
        long now = monotonicClock.getAsLong();
        for (Map.Entry<String, NodeSection> e : sections.entrySet()) {
            if (!k.contains(e.getKey()) || now - e.getValue().storedAtNanos() > staleAfterNanos) {
                forget(e.getKey(), e.getValue());
            }
        }
    }

    private NodeSection live(String node) {
        NodeSection s = node == null ? null : sections.get(node);
        if (s == null || monotonicClock.getAsLong() - s.storedAtNanos() > staleAfterNanos) {
            return null;
        }
        return s;
    }

    @Override
    public Optional<NodeUsage> nodeUsage(String node) {
        NodeSection s = live(node);
        if (s == null || s.nodeLast() == null || s.nodePrev() == null) {
            return Optional.empty();
        }
        Usage u = Usage.between(s.nodeLast(), s.nodePrev());
        if (u == null) {
            LOG.warn("Skipping node usage metric", "node", node, "err", Usage.error(s.nodeLast(), s.nodePrev()));
            return Optional.empty();
        }
        return Optional.of(new NodeUsage(node, u.timestampNanos(), u.windowNanos(), u.cpuNanoCores(), u.memoryBytes()));
    }

    @Override
    public Optional<PodUsage> podUsage(PodRef pod) {
        NodeSection s = live(podOwners.get(pod));
        PodPoints p = s == null ? null : s.pods().get(pod);
        if (p == null || !p.anyPrev()) {
            return Optional.empty();
        }
        List<ContainerUsage> containers = new ArrayList<>(p.containers().size());
        Usage earliest = null;
        for (ContainerPoints c : p.containers()) {
            if (c.prev() == null) {
                // metrics-server returns a pod only when every container can be computed.
                return Optional.empty();
            }
            Usage u = Usage.between(c.last(), c.prev());
            if (u == null) {
                LOG.warn("Skipping container usage metric", "container", c.name(), "pod", pod,
                        "err", Usage.error(c.last(), c.prev()));
                continue;
            }
            containers.add(new ContainerUsage(c.name(), u.cpuNanoCores(), u.memoryBytes()));
            if (earliest == null || earliest.timestampNanos() > u.timestampNanos()) {
                earliest = u;
            }
        }
        long ts = earliest == null ? 0 : earliest.timestampNanos();
        long window = earliest == null ? 0 : earliest.windowNanos();
        return Optional.of(new PodUsage(pod, ts, window, containers));
    }

    @Override
    public List<PodRef> servablePods() {
        List<PodRef> out = new ArrayList<>();
        for (NodeSection s : sections.values()) {
            for (Map.Entry<PodRef, PodPoints> e : s.pods().entrySet()) {
                if (e.getValue().anyPrev()) {
                    out.add(e.getKey());
                }
            }
        }
        return out;
    }

    @Override
    public boolean ready() {
        boolean nodes = false;
        boolean pods = false;
        boolean anyPod = false;
        for (String node : sections.keySet()) {
            NodeSection s = live(node);
            if (s == null) {
                continue;
            }
            nodes |= s.nodePrev() != null;
            anyPod |= !s.pods().isEmpty();
            for (PodPoints p : s.pods().values()) {
                if (p.anyPrev()) {
                    pods = true;
                    break;
                }
            }
            if (nodes && pods) {
                return true;
            }
        }
        return nodes && !anyPod;
    }

    @Override
    public long servableNodePoints() {
        long n = 0;
        for (NodeSection s : sections.values()) {
            if (s.nodePrev() != null) {
                n++;
            }
        }
        return n;
    }

    @Override
    public long servableContainerPoints() {
        long n = 0;
        for (NodeSection s : sections.values()) {
            for (PodPoints p : s.pods().values()) {
                for (ContainerPoints c : p.containers()) {
                    if (c.prev() != null) {
                        n++;
                    }
                }
            }
        }
        return n;
    }
}
