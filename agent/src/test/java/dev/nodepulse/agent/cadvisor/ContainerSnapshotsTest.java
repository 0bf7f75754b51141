package dev.nodepulse.agent.cadvisor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ContainerSnapshotsTest {

    private static CgroupSnapshot snapshot(long ts) {
        return new CgroupSnapshot(ts, 0, null, List.of(), List.of(), 0, List.of());
    }

    @Test
    void concurrentScrapesShareOneWalk() throws Exception {
        CountDownLatch entered = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger calls = new AtomicInteger();
        ContainerSnapshots s = new ContainerSnapshots(o -> {
            calls.incrementAndGet();
            entered.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                throw new IOException(e);
            }
            return snapshot(System.currentTimeMillis());
        }, 10);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<CgroupSnapshot>> f = new ArrayList<>();
            f.add(pool.submit(s::current));
            assertTrue(entered.await(10, TimeUnit.SECONDS));
            for (int i = 0; i < 7; i++) {
                f.add(pool.submit(s::current));
            }
            Thread.sleep(200); // let the seven queue up behind the walk in flight
            release.countDown();
            CgroupSnapshot first = f.get(0).get(10, TimeUnit.SECONDS);
            for (Future<CgroupSnapshot> x : f) {
                assertSame(first, x.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, calls.get());
            assertEquals(1, s.walks());
            // The next scrape, with nothing in flight, walks again.
            assertTrue(s.current() != first);
            assertEquals(2, calls.get());
        } finally {
            pool.shutdownNow();
            s.close();
        }
    }

    @Test
    void housekeepingKeepsTheLastTwoSlowWalks() throws Exception {
        AtomicInteger slowWalks = new AtomicInteger();
        ContainerSnapshots s = new ContainerSnapshots(o -> {
            if (o.slowData()) {
                slowWalks.incrementAndGet();
            }
            return snapshot(System.nanoTime());
        }, 10).start(Duration.ofMillis(50));
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (s.housekeeping().previous() == null && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            ContainerSnapshots.Pair p = s.housekeeping();
            assertNotNull(p.previous());
            assertTrue(p.latest().timestampMillis() > p.previous().timestampMillis());
            assertTrue(slowWalks.get() >= 2);
        } finally {
            s.close();
        }
    }

    @Test
    void aFailedWalkReachesEveryWaiterAndTheNextWalkRuns() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        ContainerSnapshots s = new ContainerSnapshots(o -> {
            if (calls.incrementAndGet() == 1) {
                throw new IOException("cgroupfs unmounted");
            }
            return snapshot(1);
        }, 10);
        assertThrows(IOException.class, s::current);
        assertNull(s.latest());
        assertEquals(1, s.current().timestampMillis());
        s.close();
    }
}
