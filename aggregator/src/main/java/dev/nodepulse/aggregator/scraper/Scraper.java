package dev.nodepulse.aggregator.scraper;

import dev.nodepulse.aggregator.storage.MetricsStorage;
import dev.nodepulse.aggregator.storage.NodeBatch;
import dev.nodepulse.log.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scrape cycle: every target's /metrics/resource, started with metrics-server's random stagger
 * ({@code 0 .. min(8 ms × nodes, 4 s)}), at most {@code concurrency} requests in flight, each bounded by the
 * client's request timeout and the whole cycle by the resolution. Each node's result goes to the storage as
 * soon as it is decoded; a node that failed is forgotten, as metrics-server's next tick forgets it.
 */
public final class Scraper {

    private static final Log LOG = Log.get(Scraper.class);
    private static final long DELAY_PER_NODE_MS = 8;
    private static final long MAX_DELAY_MS = 4000;

    /** What one tick did. */
    public record TickResult(int targets, int succeeded, int failed, int skippedPushing, Duration took) {}

    private final TargetSource source;
    private final AgentClient client;
    private final MetricsStorage storage;
    private final PushedNodes pushed;
    private final int concurrency;
    private final Duration resolution;
    private final ScrapeObserver observer;

    public Scraper(TargetSource source, AgentClient client, MetricsStorage storage, PushedNodes pushed, int concurrency,
            Duration resolution, ScrapeObserver observer) {
        this.source = source;
        this.client = client;
        this.storage = storage;
        this.pushed = pushed;
        this.concurrency = concurrency;
        this.resolution = resolution;
        this.observer = observer;
    }

    public TickResult tick() throws InterruptedException {
        long start = System.nanoTime();
        long deadline = start + resolution.toNanos();
        List<ScrapeTarget> listed;
        try {
            listed = source.targets();
        } catch (Exception e) {
            LOG.error("Failed to list nodes", "err", e.toString());
            listed = List.of();
        }
        List<ScrapeTarget> targets = new ArrayList<>(listed.size());
        Set<String> keep = new HashSet<>(pushed.recentNodes());
        int skipped = 0;
        for (ScrapeTarget t : listed) {
            keep.add(t.node());
            if (pushed.recent(t.node())) {
                skipped++;
            } else {
                targets.add(t);
            }
        }

        int n = targets.size();
        long maxDelay = Math.min(DELAY_PER_NODE_MS * n, MAX_DELAY_MS);
        long[] delays = new long[n];
        Integer[] order = new Integer[n];
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < n; i++) {
            delays[i] = maxDelay <= 0 ? 0 : random.nextLong(maxDelay) * 1_000_000L;
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Long.compare(delays[a], delays[b]));

        Semaphore permits = new Semaphore(concurrency);
        AtomicInteger ok = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        List<CompletableFuture<Void>> inFlight = new ArrayList<>(n);
        for (Integer i : order) {
            long due = start + delays[i];
            long wait = due - System.nanoTime();
            if (wait > 0) {
                TimeUnit.NANOSECONDS.sleep(wait);
            }
            long left = deadline - System.nanoTime();
            if (left <= 0 || !permits.tryAcquire(left, TimeUnit.NANOSECONDS)) {
                LOG.warn("Scrape cycle ran out of time before all nodes were asked", "remaining", n - inFlight.size());
                break;
            }
            ScrapeTarget t = targets.get(i);
            long requestStart = System.nanoTime();
            long requestTime = System.currentTimeMillis() * 1_000_000L;
            CompletableFuture<Void> f;
            try {
                f = client.fetch(t).handle((body, err) -> {
                    try {
                        complete(t, body, err, requestTime, requestStart, ok, failed);
                    } finally {
                        permits.release();
                    }
                    return null;
                });
            } catch (RuntimeException e) {
                permits.release();
                complete(t, null, e, requestTime, requestStart, ok, failed);
                continue;
            }
            inFlight.add(f);
        }
        try {
            long left = Math.max(1, deadline - System.nanoTime());
            CompletableFuture.allOf(inFlight.toArray(new CompletableFuture[0])).get(left, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            // each future handles its own failure
        } catch (TimeoutException e) {
            LOG.warn("Scrape cycle did not finish within the resolution", "resolution", resolution);
        }
        storage.retainNodes(keep);
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        observer.tick(took.toNanos() / 1e9);
        LOG.debug("Scrape finished", "duration", took, "nodes", n, "succeeded", ok.get(), "failed", failed.get());
        return new TickResult(n, ok.get(), failed.get(), skipped, took);
    }

    private void complete(ScrapeTarget t, byte[] body, Throwable err, long requestTime, long requestStart,
            AtomicInteger ok, AtomicInteger failed) {
        if (pushed.recent(t.node())) {
            // the agent started pushing while this request was out; its pushes win
            return;
        }
        NodeBatch batch = null;
        Throwable problem = err;
        if (problem == null) {
            try {
                batch = ResourceMetricsDecoder.decode(body, requestTime, t.node());
            } catch (Exception e) {
                problem = e;
            }
        }
        double seconds = (System.nanoTime() - requestStart) / 1e9;
        if (problem != null) {
            Throwable cause = problem instanceof java.util.concurrent.CompletionException && problem.getCause() != null
                    ? problem.getCause() : problem;
            LOG.error("Failed to scrape node", "node", t.node(), "url", t.url(), "err", cause.toString());
            failed.incrementAndGet();
            observer.request(t.node(), seconds, false);
            storage.store(t.node(), null);
            return;
        }
        ok.incrementAndGet();
        observer.request(t.node(), seconds, true);
        storage.store(t.node(), batch);
    }
}
