package dev.nodepulse.agent.collector;

import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.Semaphore;

/**
 * Runs collectors for scrapes.
 *
 * <ul>
 *   <li>Single flight: a collector already running for one scrape is joined, not started again, by a
 *       concurrent scrape; so N simultaneous scrapes read the host once.</li>
 *   <li>Bounded parallelism: at most {@code parallelism} collectors run at a time (node_exporter runs
 *       them all at once but pins itself to one OS thread; on a 2-core node two workers are plenty).</li>
 *   <li>Deadlines: a collector still running when the scrape's deadline passes is reported as failed for
 *       that scrape and stops counting against the parallelism, so one hung NFS read cannot starve the
 *       rest. Its thread finishes (or hangs) on its own; single flight keeps it from being started again
 *       meanwhile, which bounds the threads a hung mount can cost to one per collector.</li>
 *   <li>Few thread switches: a scrape hands its list to at most {@code parallelism} workers, each running
 *       collectors one after another; a worker stuck in a hung collector leaves the rest of the list to the
 *       other workers or, with one worker, to the deadline (they are reported as not started).</li>
 * </ul>
 */
public final class CollectorRunner implements AutoCloseable {

    private static final Log LOG = Log.get(CollectorRunner.class);

    private final Map<String, Collector> collectors;
    private final int parallelism;
    private final Semaphore permits;
    private final ThreadPoolExecutor executor;
    private final Map<String, Flight> inFlight = new ConcurrentHashMap<>();

    /** One running collector: its result, and whether it still holds a parallelism permit. */
    private final class Flight {
        final CompletableFuture<Outcome> result = new CompletableFuture<>();
        final AtomicBoolean holdsPermit = new AtomicBoolean(true);

        void releasePermit() {
            if (holdsPermit.compareAndSet(true, false)) {
                permits.release();
            }
        }
    }

    public CollectorRunner(Map<String, Collector> collectors, int parallelism) {
        this.collectors = new LinkedHashMap<>(collectors);
        this.parallelism = Math.max(1, parallelism);
        this.permits = new Semaphore(this.parallelism);
        AtomicInteger threads = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> {
                    Thread t = new Thread(r, "collector-" + threads.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                });
    }

    public List<String> names() {
        return List.copyOf(collectors.keySet());
    }

    /** Runs the named collectors (in the order given) and returns one outcome each, in that order. */
    public List<Outcome> run(List<String> names, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Collector[] chosen = new Collector[names.size()];
        for (int i = 0; i < chosen.length; i++) {
            chosen[i] = collectors.get(names.get(i));
            if (chosen[i] == null) {
                throw new IllegalArgumentException("collector not enabled: " + names.get(i));
            }
        }
        ScrapeRun scrape = new ScrapeRun(names, chosen, deadline);
        for (int w = Math.min(parallelism, chosen.length); w > 0; w--) {
            executor.execute(scrape::work);
        }
        scrape.awaitSettled();

        List<Outcome> outcomes = new ArrayList<>(names.size());
        for (int i = 0; i < names.size(); i++) {
            CompletableFuture<Outcome> f = scrape.slots.get(i);
            outcomes.add(f == null ? notStarted(names.get(i)) : await(names.get(i), f, deadline, timeout));
        }
        // Collectors still running past the deadline stop counting against parallelism (see class doc).
        for (Flight f : scrape.started) {
            if (!f.result.isDone()) {
                f.releasePermit();
            }
        }
        return outcomes;
    }

    /**
     * One scrape's collectors, worked through in order by up to {@code parallelism} workers that each run one
     * collector after the other on their own thread. Compared with a task per collector this saves two thread
     * switches per collector (measured: ~1.5 ms of CPU per scrape with 17 collectors on a loaded 2-CPU node),
     * and the scrape's thread wakes once, when every slot is settled or the deadline passes.
     */
    private final class ScrapeRun {
        final List<String> names;
        final Collector[] chosen;
        final long deadline;
        final AtomicInteger next = new AtomicInteger();
        /** Per collector: the result to wait for; null until a worker reached it. */
        final AtomicReferenceArray<CompletableFuture<Outcome>> slots;
        /** Counted down when a slot's own run finished, or it joined another scrape's run, or was skipped. */
        final CountDownLatch settled;
        final Queue<Flight> started = new ConcurrentLinkedQueue<>();

        ScrapeRun(List<String> names, Collector[] chosen, long deadline) {
            this.names = names;
            this.chosen = chosen;
            this.deadline = deadline;
            this.slots = new AtomicReferenceArray<>(chosen.length);
            this.settled = new CountDownLatch(chosen.length);
        }

        void work() {
            for (int i = next.getAndIncrement(); i < chosen.length; i = next.getAndIncrement()) {
                try {
                    runSlot(i);
                } finally {
                    settled.countDown();
                }
            }
        }

        private void runSlot(int i) {
            String name = names.get(i);
            Flight existing = inFlight.get(name);
            if (existing != null) {
                slots.set(i, existing.result);
                return;
            }
            long waitNanos = deadline - System.nanoTime();
            boolean permitted;
            try {
                permitted = waitNanos > 0 && permits.tryAcquire(waitNanos, TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                permitted = false;
            }
            if (!permitted) {
                slots.set(i, CompletableFuture.completedFuture(notStarted(name)));
                return;
            }
            Flight flight = new Flight();
            Flight raced = inFlight.putIfAbsent(name, flight);
            if (raced != null) {
                permits.release();
                slots.set(i, raced.result);
                return;
            }
            started.add(flight);
            slots.set(i, flight.result);
            execute(name, chosen[i], flight);
        }

        void awaitSettled() {
            try {
                settled.await(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static Outcome notStarted(String name) {
        return new Outcome(name, null, 0, "not started: the scrape deadline passed while other collectors ran", false);
    }

    private Outcome await(String name, CompletableFuture<Outcome> future, long deadline, Duration timeout) {
        long start = System.nanoTime();
        try {
            long wait = Math.max(0, deadline - System.nanoTime());
            return future.get(wait, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            Outcome o = Outcome.timedOut(name, timeout.toNanos() / 1e9);
            LOG.error("collector failed", "name", name, "duration_seconds", o.seconds(), "err", o.error());
            return o;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Outcome(name, null, (System.nanoTime() - start) / 1e9, "interrupted", false);
        } catch (ExecutionException e) {
            return new Outcome(name, null, (System.nanoTime() - start) / 1e9, String.valueOf(e.getCause()), false);
        }
    }

    private void execute(String name, Collector collector, Flight flight) {
        long start = System.nanoTime();
        MetricSink sink = new MetricSink();
        Outcome outcome;
        try {
            collector.update(sink);
            // No snapshots here: the exposition is written from the sink (see MetricFamilies, TextExposition).
            outcome = new Outcome(name, sink, elapsed(start), null, false);
        } catch (NoDataException e) {
            LOG.debug("collector returned no data", "name", name, "duration_seconds", elapsed(start), "err", e.getMessage());
            outcome = new Outcome(name, sink, elapsed(start), e.getMessage(), true);
        } catch (Throwable e) {
            String err = describe(e);
            LOG.error("collector failed", "name", name, "duration_seconds", elapsed(start), "err", err);
            outcome = new Outcome(name, sink, elapsed(start), err, false);
        }
        // Leave the in-flight table before waking the waiters: a scrape they start next must read afresh,
        // not join this finished flight.
        inFlight.remove(name, flight);
        flight.result.complete(outcome);
        flight.releasePermit();
    }

    private static String describe(Throwable e) {
        String msg = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "open " + msg + ": no such file or directory";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "open " + msg + ": permission denied";
        }
        return msg == null ? e.getClass().getSimpleName() : msg;
    }

    private static double elapsed(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    /** Stops the workers, then releases what collectors hold open between scrapes (the perf collector's counters). */
    @Override
    public void close() {
        executor.shutdownNow();
        for (Map.Entry<String, Collector> c : collectors.entrySet()) {
            if (c.getValue() instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception e) {
                    LOG.warn("closing collector failed", "name", c.getKey(), "err", e.getMessage());
                }
            }
        }
    }
}
