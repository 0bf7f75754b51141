package dev.nodepulse.aggregator.scraper;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Nodes whose agents push: while a node's pushes keep coming (within two resolutions) the scraper leaves it
 * alone and its data stays, even if it is not in the node list it scrapes.
 */
public final class PushedNodes {

    private final long windowNanos;
    private final LongSupplier clock;
    private final Map<String, Long> lastPush = new ConcurrentHashMap<>();

    public PushedNodes(Duration resolution) {
        this(resolution, System::nanoTime);
    }

    PushedNodes(Duration resolution, LongSupplier clock) {
        this.windowNanos = resolution.toNanos() * 2;
        this.clock = clock;
    }

    public void pushed(String node) {
        lastPush.put(node, clock.getAsLong());
    }

    public boolean recent(String node) {
        Long t = lastPush.get(node);
        return t != null && clock.getAsLong() - t <= windowNanos;
    }

    /** The nodes that pushed recently; forgets the others. */
    public Set<String> recentNodes() {
        long now = clock.getAsLong();
        lastPush.values().removeIf(t -> now - t > windowNanos);
        return Set.copyOf(lastPush.keySet());
    }
}
