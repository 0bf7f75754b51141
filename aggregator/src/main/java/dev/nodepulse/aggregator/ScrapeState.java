package dev.nodepulse.aggregator;

import dev.nodepulse.aggregator.cluster.ClusterView;
import dev.nodepulse.aggregator.scraper.Scraper;
import dev.nodepulse.aggregator.server.Health;
import dev.nodepulse.aggregator.storage.MetricsStorage;
import dev.nodepulse.log.Log;
import java.time.Duration;
import java.util.List;

/**
 * The scrape loop and what the health checks read from it: waits for the informers, ticks at once and then
 * every resolution (a tick that overruns delays the next, as a Go ticker drops ticks), and remembers when the
 * last tick started ({@code metric-collection-timely} fails beyond 1.5 resolutions).
 */
final class ScrapeState {

    private static final Log LOG = Log.get(ScrapeState.class);

    volatile Aggregator owner;
    private volatile long lastTickStart;
    private volatile boolean firstTickDone;

    void run(Scraper scraper, ClusterView cluster, Duration resolution) {
        try {
            while (!cluster.synced()) {
                Thread.sleep(100);
            }
            long period = resolution.toNanos();
            long next = System.nanoTime();
            while (owner == null || !owner.closed()) {
                lastTickStart = System.nanoTime();
                Scraper.TickResult r = scraper.tick();
                if (!firstTickDone) {
                    firstTickDone = true;
                    LOG.info("First scrape cycle done", "nodes", r.targets(), "succeeded", r.succeeded(),
                            "failed", r.failed(), "took", r.took());
                }
                next += period;
                long now = System.nanoTime();
                if (next < now) {
                    next = now + period - ((now - next) % period);
                }
                Thread.sleep(Math.max(0, (next - now) / 1_000_000L));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.error("scrape loop died", "err", e.toString());
        }
    }

    static Health health(ScrapeState s, MetricsStorage storage, ClusterView cluster, Duration resolution) {
        Health.Check ping = new Health.Check("ping", () -> null);
        Health.Check log = new Health.Check("log", () -> null);
        Health.Check informerSync = new Health.Check("metadata-informer-sync",
                () -> cluster.synced() ? null : "informers not started yet");
        Health.Check timely = new Health.Check("metric-collection-timely", () -> {
            long start = s.lastTickStart;
            long max = resolution.toNanos() * 3 / 2;
            return start != 0 && System.nanoTime() - start > max ? "metric collection didn't finish on time" : null;
        });
        Health.Check storageReady = new Health.Check("metric-storage-ready",
                () -> s.firstTickDone && storage.ready() ? null : "no metrics to serve");
        Health.Check cacheSync = new Health.Check("metric-informer-sync",
                () -> cluster.synced() ? null : "cache for node or pod informer has not synced");
        Health.Check shutdown = new Health.Check("shutdown",
                () -> s.owner != null && s.owner.closed() ? "process is shutting down" : null);
        return new Health()
                .group("healthz", List.of(ping, log, informerSync))
                .group("livez", List.of(ping, log, timely, informerSync))
                .group("readyz", List.of(ping, log, storageReady, cacheSync, informerSync, shutdown));
    }
}
