package dev.nodepulse.agent.node;

import dev.nodepulse.log.Log;
import dev.nodepulse.procfs.natives.StatfsResult;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.Semaphore;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs statfs(2) for mount points with a per-mount deadline, so a hung NFS or FUSE mount costs neither a
 * stalled scrape nor a pile of threads.
 *
 * <ul>
 *   <li>At most {@code workers} calls run at once (node_exporter's stat-workers).</li>
 *   <li>A call still running {@code timeout} after it started marks its mount point stuck: the waiting
 *       scrape gets {@link StatfsOutcome#TIMED_OUT} at once and the call's worker slot is handed to the
 *       next mount, on a fresh thread. The stuck thread stays blocked in the kernel; that cannot be
 *       helped, but it is the only one: until it returns, every scrape reports the mount point as timed
 *       out without calling statfs again. When it does return, the mount point is stat'ed normally again.</li>
 *   <li>So the threads alive at any time are at most {@code workers} plus one per stuck mount point.</li>
 * </ul>
 * node_exporter has the same stuck-mount bookkeeping but lets the scrape that meets the hang wait for the
 * call to return; here no scrape waits longer than the timeout for one mount.
 */
public final class StatfsWorkers {

    private static final Log LOG = Log.get(StatfsWorkers.class);

    /** The statfs call; the JNA binding in production, a stand-in in tests. */
    @FunctionalInterface
    public interface StatCall {
        StatfsResult statfs(String path) throws IOException;
    }

    /** One mount to stat: {@code key} names it in the stuck bookkeeping, {@code path} is what is stat'ed. */
    public record Request(String key, String path) {}

    private final StatCall statCall;
    private final Duration timeout;
    private final Semaphore permits;
    private final ThreadPoolExecutor executor;
    private final ScheduledThreadPoolExecutor watchdogs;
    private final ConcurrentHashMap<String, Call> inFlight = new ConcurrentHashMap<>();

    /** One statfs in progress. {@code finished} and {@code stuck} are guarded by the object's lock. */
    private final class Call {
        final String key;
        final CompletableFuture<StatfsOutcome> result = new CompletableFuture<>();
        final AtomicBoolean holdsPermit = new AtomicBoolean(true);
        boolean finished;
        boolean stuck;

        Call(String key) {
            this.key = key;
        }

        void releasePermit() {
            if (holdsPermit.compareAndSet(true, false)) {
                permits.release();
            }
        }

        synchronized boolean isStuck() {
            return stuck;
        }
    }

    public StatfsWorkers(StatCall statCall, int workers, Duration timeout) {
        this.statCall = statCall;
        this.timeout = timeout;
        this.permits = new Semaphore(Math.max(1, workers));
        AtomicInteger n = new AtomicInteger();
        this.executor = new ThreadPoolExecutor(0, Integer.MAX_VALUE, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
                r -> daemon(r, "statfs-" + n.incrementAndGet()));
        this.watchdogs = new ScheduledThreadPoolExecutor(1, r -> daemon(r, "statfs-watchdog"));
        this.watchdogs.setRemoveOnCancelPolicy(true);
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stats every request and returns one outcome each, in the order given. */
    public List<StatfsOutcome> statAll(List<Request> requests) throws InterruptedException {
        List<CompletableFuture<StatfsOutcome>> pending = new ArrayList<>(requests.size());
        for (Request r : requests) {
            pending.add(start(r));
        }
        List<StatfsOutcome> out = new ArrayList<>(requests.size());
        for (CompletableFuture<StatfsOutcome> f : pending) {
            try {
                // Completes within the timeout: the watchdog completes it if the call does not.
                out.add(f.get());
            } catch (ExecutionException e) {
                out.add(StatfsOutcome.failed(String.valueOf(e.getCause())));
            }
        }
        return out;
    }

    /** How many statfs calls are running now, stuck ones included (for tests and debugging). */
    int inFlight() {
        return inFlight.size();
    }

    private CompletableFuture<StatfsOutcome> start(Request r) throws InterruptedException {
        Call existing = inFlight.get(r.key());
        if (existing != null) {
            return joined(existing);
        }
        permits.acquire();
        Call call = new Call(r.key());
        Call raced = inFlight.putIfAbsent(r.key(), call);
        if (raced != null) {
            permits.release();
            return joined(raced);
        }
        ScheduledFuture<?> watchdog = watchdogs.schedule(() -> expire(call), timeout.toNanos(), TimeUnit.NANOSECONDS);
        try {
            executor.execute(() -> run(call, r.path(), watchdog));
        } catch (RejectedExecutionException e) {
            watchdog.cancel(false);
            inFlight.remove(r.key(), call);
            call.releasePermit();
            call.result.complete(StatfsOutcome.failed("no thread for statfs: " + e.getMessage()));
        }
        return call.result;
    }

    /** A mount point already being stat'ed: stuck ones answer at once, others share the running call. */
    private static CompletableFuture<StatfsOutcome> joined(Call call) {
        if (call.isStuck()) {
            LOG.debug("Mount point is in an unresponsive state", "mountpoint", call.key);
            return CompletableFuture.completedFuture(StatfsOutcome.TIMED_OUT);
        }
        return call.result;
    }

    private void run(Call call, String path, ScheduledFuture<?> watchdog) {
        StatfsOutcome outcome;
        try {
            outcome = StatfsOutcome.ok(statCall.statfs(path));
        } catch (IOException e) {
            LOG.debug("Error on statfs() system call", "rootfs", path, "err", e.getMessage());
            outcome = StatfsOutcome.failed(e.getMessage());
        } catch (RuntimeException | Error e) {
            outcome = StatfsOutcome.failed(String.valueOf(e));
        }
        boolean wasStuck;
        synchronized (call) {
            call.finished = true;
            wasStuck = call.stuck;
        }
        watchdog.cancel(false);
        inFlight.remove(call.key, call);
        call.releasePermit();
        if (wasStuck) {
            LOG.debug("Mount point has recovered, monitoring will resume", "mountpoint", call.key);
        }
        call.result.complete(outcome);
    }

    private void expire(Call call) {
        synchronized (call) {
            if (call.finished) {
                return;
            }
            call.stuck = true;
        }
        LOG.debug("Mount point timed out, it is being labeled as stuck and will not be monitored",
                "mountpoint", call.key);
        call.releasePermit();
        call.result.complete(StatfsOutcome.TIMED_OUT);
    }
}
