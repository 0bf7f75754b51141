package dev.nodepulse.agent.collector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CollectorRunnerTest {

    @Test
    void aFailingCollectorCostsOnlyItsOwnSeries() {
        Map<String, Collector> c = new LinkedHashMap<>();
        c.put("good", sink -> sink.gauge("node_good", "g").add(1));
        c.put("bad", sink -> {
            sink.gauge("node_partial", "p").add(2);
            throw new java.io.IOException("disk on fire");
        });
        c.put("empty", sink -> {
            throw new NoDataException("no such interface");
        });
        try (CollectorRunner r = new CollectorRunner(c, 2)) {
            List<Outcome> out = r.run(List.of("good", "bad", "empty"), Duration.ofSeconds(5));
            assertTrue(out.get(0).success());
            assertEquals("node_good", out.get(0).snapshots().get(0).getMetadata().getName());
            assertFalse(out.get(1).success());
            assertEquals("disk on fire", out.get(1).error());
            // what the collector sent before failing is kept, as node_exporter keeps it
            assertEquals(1, out.get(1).snapshots().size());
            assertFalse(out.get(2).success());
            assertTrue(out.get(2).noData());
        }
    }

    @Test
    void aHungCollectorTimesOutAndDoesNotStarveTheOthers() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger hungStarts = new AtomicInteger();
        Map<String, Collector> c = new LinkedHashMap<>();
        c.put("hung", sink -> {
            hungStarts.incrementAndGet();
            release.await();
        });
        c.put("quick", sink -> sink.gauge("node_quick", "q").add(1));
        try (CollectorRunner r = new CollectorRunner(c, 1)) {
            long t0 = System.nanoTime();
            List<Outcome> first = r.run(List.of("hung", "quick"), Duration.ofMillis(300));
            assertTrue((System.nanoTime() - t0) < TimeUnit.SECONDS.toNanos(3));
            assertFalse(first.get(0).success());
            assertTrue(first.get(0).error().startsWith("timed out"), first.get(0).error());
            // with one worker, "quick" waited behind "hung" and the deadline passed
            assertFalse(first.get(1).success());

            // the next scrape joins the hung run instead of starting another, and quick runs again
            List<Outcome> second = r.run(List.of("hung", "quick"), Duration.ofMillis(300));
            assertFalse(second.get(0).success());
            assertTrue(second.get(1).success(), second.get(1).error());
            assertEquals(1, hungStarts.get());
            release.countDown();
        }
    }

    @Test
    void concurrentScrapesShareOneRun() throws Exception {
        AtomicInteger runs = new AtomicInteger();
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch proceed = new CountDownLatch(1);
        Map<String, Collector> c = Map.of("slow", sink -> {
            runs.incrementAndGet();
            entered.countDown();
            proceed.await();
            sink.gauge("node_slow", "s").add(7);
        });
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try (CollectorRunner r = new CollectorRunner(c, 2)) {
            Future<List<Outcome>> a = pool.submit(() -> r.run(List.of("slow"), Duration.ofSeconds(10)));
            assertTrue(entered.await(5, TimeUnit.SECONDS));
            Future<List<Outcome>> b = pool.submit(() -> r.run(List.of("slow"), Duration.ofSeconds(10)));
            Future<List<Outcome>> d = pool.submit(() -> r.run(List.of("slow"), Duration.ofSeconds(10)));
            Thread.sleep(100);
            proceed.countDown();
            for (Future<List<Outcome>> f : List.of(a, b, d)) {
                Outcome o = f.get(5, TimeUnit.SECONDS).get(0);
                assertTrue(o.success());
                assertEquals(7.0, ((io.prometheus.metrics.model.snapshots.GaugeSnapshot) o.snapshots().get(0))
                        .getDataPoints().get(0).getValue());
            }
            assertEquals(1, runs.get());
            // once finished, the next scrape reads afresh
            r.run(List.of("slow"), Duration.ofSeconds(5));
            assertEquals(2, runs.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void oneWorkerRunsTheWholeListOnOneThread() {
        java.util.Set<String> threads = java.util.concurrent.ConcurrentHashMap.newKeySet();
        Map<String, Collector> c = new LinkedHashMap<>();
        for (int i = 0; i < 12; i++) {
            int n = i;
            c.put("c" + i, sink -> {
                threads.add(Thread.currentThread().getName());
                sink.gauge("node_c" + n, "c").add(n);
            });
        }
        try (CollectorRunner r = new CollectorRunner(c, 1)) {
            List<Outcome> out = r.run(List.copyOf(c.keySet()), Duration.ofSeconds(5));
            assertEquals(12, out.size());
            for (int i = 0; i < 12; i++) {
                assertEquals("c" + i, out.get(i).collector());
                assertTrue(out.get(i).success());
            }
            assertEquals(1, threads.size(), "collectors of one scrape ran on " + threads);
        }
    }

    @Test
    void withTwoWorkersTheListGoesOnPastAHungCollector() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Map<String, Collector> c = new LinkedHashMap<>();
        c.put("hung", sink -> release.await());
        for (int i = 0; i < 5; i++) {
            c.put("quick" + i, sink -> sink.gauge("node_quick", "q").add(1));
        }
        try (CollectorRunner r = new CollectorRunner(c, 2)) {
            List<Outcome> out = r.run(List.copyOf(c.keySet()), Duration.ofMillis(500));
            assertTrue(out.get(0).error().startsWith("timed out"), out.get(0).error());
            for (int i = 1; i < out.size(); i++) {
                assertTrue(out.get(i).success(), out.get(i).collector() + ": " + out.get(i).error());
            }
        } finally {
            release.countDown();
        }
    }
}
