package dev.nodepulse.agent.cadvisor;

import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.cgroups.snapshot.ReadOptions;
import dev.nodepulse.cgroups.snapshot.SnapshotReader;
import dev.nodepulse.log.Log;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Holds the cgroup snapshots every container surface is rendered from. {@link #current()} takes a fresh walk on
 * demand; concurrent callers share the walk in flight (single-flight), so N simultaneous scrapes cost one walk.
 * A housekeeping loop walks every --housekeeping-interval with slow data (limits, fd counts) and keeps the last
 * two of its snapshots, so rates such as usageNanoCores come from two walks a known interval apart.
 */
public final class ContainerSnapshots implements AutoCloseable {

    private static final Log LOG = Log.get(ContainerSnapshots.class);

    /** Two housekeeping snapshots, older first; {@code previous} is null until the second walk. */
    public record Pair(CgroupSnapshot previous, CgroupSnapshot latest) {}

    /** One walk of the cgroup tree ({@link SnapshotReader#read}). */
    @FunctionalInterface
    public interface Walker {
        CgroupSnapshot read(ReadOptions options) throws IOException;
    }

    private final Walker reader;
    private final AtomicLong walks = new AtomicLong();
    private final AtomicLong failedWalks = new AtomicLong();
    private final AtomicLong unreadCgroups = new AtomicLong();
    private final AtomicLong vanishedCgroups = new AtomicLong();
    private final long readlinkBudget;
    private final Object lock = new Object();
    private CompletableFuture<CgroupSnapshot> inFlight;
    private boolean inFlightSlow;
    private volatile CgroupSnapshot latest;
    private volatile Pair housekeeping = new Pair(null, null);
    private final ScheduledExecutorService loop;

    public ContainerSnapshots(Walker reader, long readlinkBudget) {
        this.reader = reader;
        this.readlinkBudget = readlinkBudget;
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "cgroup-housekeeping");
            t.setDaemon(true);
            return t;
        });
    }

    /** Starts the housekeeping loop: a first walk now, then one every {@code interval}. */
    public ContainerSnapshots start(Duration interval) {
        long ms = Math.max(1, interval.toMillis());
        loop.scheduleWithFixedDelay(this::housekeep, 0, ms, TimeUnit.MILLISECONDS);
        return this;
    }

    private void housekeep() {
        try {
            CgroupSnapshot s = walk(true);
            Pair p = housekeeping;
            housekeeping = new Pair(p.latest(), s);
            if (!s.errors().isEmpty()) {
                LOG.warn("some cgroups could not be read", "count", s.errors().size(), "first", s.errors().get(0));
            }
            LOG.debug("cgroup walk", "cgroups", s.samples().size(), "ms", s.walkNanos() / 1_000_000);
        } catch (IOException | RuntimeException e) {
            LOG.warn("housekeeping cgroup walk failed", "err", e.toString());
        }
    }

    /** A snapshot taken now, or by a walk already in flight when this was called. */
    public CgroupSnapshot current() throws IOException {
        return walk(false);
    }

    /** The newest snapshot of any walk, without reading anything; null before the first walk ends. */
    public CgroupSnapshot latest() {
        return latest;
    }

    /** Walks taken so far (scrapes that joined a walk in flight do not count). */
    public long walks() {
        return walks.get();
    }

    /** Walks that failed as a whole (no snapshot). */
    public long failedWalks() {
        return failedWalks.get();
    }

    /** Cgroups left out of a snapshot because they could not be read, summed over walks. */
    public long unreadCgroups() {
        return unreadCgroups.get();
    }

    /** Cgroups that disappeared while being read (stopped containers), summed over walks. */
    public long vanishedCgroups() {
        return vanishedCgroups.get();
    }

    /** The last two housekeeping snapshots, for rates. */
    public Pair housekeeping() {
        return housekeeping;
    }

    private CgroupSnapshot walk(boolean slow) throws IOException {
        CompletableFuture<CgroupSnapshot> mine;
        boolean owner = false;
        while (true) {
            CompletableFuture<CgroupSnapshot> joined = null;
            synchronized (lock) {
                if (inFlight == null) {
                    inFlight = new CompletableFuture<>();
                    inFlightSlow = slow;
                    owner = true;
                    mine = inFlight;
                    break;
                }
                if (!slow || inFlightSlow) {
                    mine = inFlight;
                    break;
                }
                joined = inFlight; // a slow walk must not be served by a quick one: wait, then take our own
            }
            await(joined);
        }
        if (owner) {
            try {
                walks.incrementAndGet();
                CgroupSnapshot s = reader.read(new ReadOptions(slow, false, readlinkBudget));
                unreadCgroups.addAndGet(s.errors().size());
                vanishedCgroups.addAndGet(s.vanished());
                latest = s;
                mine.complete(s);
            } catch (Throwable e) {
                failedWalks.incrementAndGet();
                // Every waiter must be released whatever happened, even an Error: they are blocked on this future.
                mine.completeExceptionally(e);
                if (e instanceof Error err) {
                    synchronized (lock) {
                        inFlight = null;
                    }
                    throw err;
                }
            } finally {
                synchronized (lock) {
                    inFlight = null;
                }
            }
        }
        return await(mine);
    }

    private static CgroupSnapshot await(CompletableFuture<CgroupSnapshot> f) throws IOException {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted waiting for the cgroup walk", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof IOException io) {
                throw io;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IOException(c.toString(), c);
        }
    }

    @Override
    public void close() {
        loop.shutdownNow();
    }
}
