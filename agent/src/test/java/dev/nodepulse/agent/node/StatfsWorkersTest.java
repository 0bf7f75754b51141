package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.natives.StatfsResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class StatfsWorkersTest {

    private static final StatfsResult R = new StatfsResult(1, 4096, 10, 5, 4, 100, 50, 0);

    @Test
    void resultsAndErrorsComeBackInRequestOrder() throws Exception {
        StatfsWorkers w = new StatfsWorkers(path -> {
            if (path.equals("/bad")) {
                throw new IOException("no such file or directory");
            }
            return R;
        }, 3, Duration.ofSeconds(5));
        List<StatfsOutcome> out = w.statAll(List.of(new StatfsWorkers.Request("/a", "/a"),
                new StatfsWorkers.Request("/bad", "/bad"), new StatfsWorkers.Request("/b", "/b")));
        assertSame(R, out.get(0).result());
        assertNull(out.get(0).error());
        assertEquals("no such file or directory", out.get(1).error());
        assertSame(R, out.get(2).result());
        assertEquals(0, w.inFlight());
    }

    @Test
    void theSameMountPointTwiceInOneScrapeSharesOneCall() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CountDownLatch slow = new CountDownLatch(1);
        StatfsWorkers w = new StatfsWorkers(path -> {
            calls.incrementAndGet();
            try {
                slow.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return R;
        }, 4, Duration.ofSeconds(5));
        Thread releaser = new Thread(() -> {
            try {
                Thread.sleep(100);
            } catch (InterruptedException ignored) {
                // ends the sleep early; the latch is released either way
            }
            slow.countDown();
        });
        releaser.start();
        List<StatfsOutcome> out = w.statAll(List.of(new StatfsWorkers.Request("/data", "/host/data"),
                new StatfsWorkers.Request("/data", "/host/data")));
        releaser.join();
        assertEquals(1, calls.get());
        assertSame(R, out.get(0).result());
        assertSame(R, out.get(1).result());
    }

    @Test
    void aCallThatAnswersJustInTimeIsNotMarkedStuck() throws Exception {
        StatfsWorkers w = new StatfsWorkers(path -> {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return R;
        }, 1, Duration.ofMillis(500));
        for (int i = 0; i < 5; i++) {
            StatfsOutcome o = w.statAll(List.of(new StatfsWorkers.Request("/x", "/x"))).get(0);
            assertSame(R, o.result());
        }
        assertEquals(0, w.inFlight());
    }

    @Test
    void timedOutOutcomeCarriesNodeExportersText() {
        assertTrue(StatfsOutcome.TIMED_OUT.timedOut());
        assertEquals("mountpoint timeout", StatfsOutcome.TIMED_OUT.error());
    }
}
