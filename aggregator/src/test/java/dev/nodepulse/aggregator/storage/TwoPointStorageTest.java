package dev.nodepulse.aggregator.storage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** metrics-server's storage rules (metrics-api.md 2.3-2.4), node by node. */
class TwoPointStorageTest {

    private static final long S = 1_000_000_000L;
    private final AtomicLong clock = new AtomicLong(1);
    private final TwoPointStorage storage = new TwoPointStorage(Duration.ofSeconds(15), Duration.ofSeconds(40), clock::get);
    private static final PodRef POD = new PodRef("default", "web");

    private static NodeBatch batch(long ts, long nodeCpu, long containerCpu, long start) {
        return new NodeBatch(new MetricsPoint(0, ts, nodeCpu, 1000),
                Map.of(POD, Map.of("app", new MetricsPoint(start, ts, containerCpu, 2048))));
    }

    @Test
    void rateBetweenTwoPoints() {
        storage.store("n", batch(100 * S, 10 * S, 1 * S, 1));
        assertTrue(storage.nodeUsage("n").isEmpty(), "one point: nothing to serve");
        assertFalse(storage.ready());
        storage.store("n", batch(115 * S, 25 * S, 4 * S, 1));
        NodeUsage n = storage.nodeUsage("n").orElseThrow();
        assertEquals(1_000_000_000L, n.cpuNanoCores(), "15 core-s over 15 s");
        assertEquals(15 * S, n.windowNanos());
        assertEquals(115 * S, n.timestampNanos());
        PodUsage p = storage.podUsage(POD).orElseThrow();
        assertEquals(200_000_000L, p.containers().get(0).cpuNanoCores());
        assertEquals(2048, p.containers().get(0).memoryBytes());
        assertTrue(storage.ready());
    }

    @Test
    void failedScrapeForgetsTheNode() {
        storage.store("n", batch(100 * S, 10 * S, S, 1));
        storage.store("n", batch(115 * S, 25 * S, 4 * S, 1));
        storage.store("n", null);
        assertTrue(storage.nodeUsage("n").isEmpty());
        assertTrue(storage.podUsage(POD).isEmpty());
        storage.store("n", batch(130 * S, 40 * S, 7 * S, 1));
        assertTrue(storage.nodeUsage("n").isEmpty(), "needs two points again");
    }

    @Test
    void restartedContainerStartsOver() {
        storage.store("n", batch(100 * S, 10 * S, 50 * S, 1));
        // started after the stored point: a new instance, its counter restarted
        storage.store("n", batch(115 * S, 25 * S, 2 * S, 110 * S));
        assertTrue(storage.podUsage(POD).isEmpty(), "the old instance's point is not a previous point of the new one");
        storage.store("n", batch(130 * S, 40 * S, 5 * S, 110 * S));
        assertEquals(200_000_000L, storage.podUsage(POD).orElseThrow().containers().get(0).cpuNanoCores());
    }

    @Test
    void freshContainerGetsASyntheticFirstPoint() {
        // started 12 s before the point (>= 10 s, < resolution): counter was 0 at start
        storage.store("n", batch(100 * S, 10 * S, 6 * S, 88 * S));
        PodUsage p = storage.podUsage(POD).orElseThrow();
        assertEquals(500_000_000L, p.containers().get(0).cpuNanoCores());
        assertEquals(12 * S, p.windowNanos());
    }

    @Test
    void decreasingCounterSkipsTheNode() {
        storage.store("n", batch(100 * S, 10 * S, S, 1));
        storage.store("n", batch(115 * S, 5 * S, 2 * S, 1));
        assertTrue(storage.nodeUsage("n").isEmpty());
    }

    @Test
    void staleNodesAreNotServed() {
        storage.store("n", batch(100 * S, 10 * S, S, 1));
        storage.store("n", batch(115 * S, 25 * S, 4 * S, 1));
        clock.addAndGet(41 * S);
        assertTrue(storage.nodeUsage("n").isEmpty());
        assertTrue(storage.podUsage(POD).isEmpty());
    }

    @Test
    void duplicatePodFromAnotherNodeIsDropped() {
        storage.store("a", batch(100 * S, 10 * S, S, 1));
        storage.store("b", batch(100 * S, 10 * S, 9 * S, 1));
        storage.store("a", batch(115 * S, 25 * S, 4 * S, 1));
        storage.store("b", batch(115 * S, 25 * S, 99 * S, 1));
        assertEquals(200_000_000L, storage.podUsage(POD).orElseThrow().containers().get(0).cpuNanoCores(),
                "the pod is kept from the node that reported it first");
    }

    @Test
    void podNeedsEveryContainer() {
        storage.store("n", new NodeBatch(null, Map.of(POD, Map.of("a", new MetricsPoint(1, 100 * S, S, 1)))));
        storage.store("n", new NodeBatch(null, Map.of(POD, Map.of("a", new MetricsPoint(1, 115 * S, 2 * S, 1),
                "b", new MetricsPoint(1, 115 * S, 2 * S, 1)))));
        assertTrue(storage.podUsage(POD).isEmpty(), "container b has no previous point yet");
    }
}
