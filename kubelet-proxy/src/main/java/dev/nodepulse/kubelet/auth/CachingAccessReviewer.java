package dev.nodepulse.kubelet.auth;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * SubjectAccessReview decisions remembered per user and attributes for a short while, as the generic API
 * server's webhook authorizer caches them ({@code --authorization-webhook-cache-authorized-ttl} and
 * {@code -unauthorized-ttl}, 10 s each by default). Failed reviews and evaluation errors are not cached.
 */
public final class CachingAccessReviewer implements AccessReviewer {

    private static final int MAX_ENTRIES = 8192;

    private record Entry(KubeReviews.Decision decision, long expiresAt) {}

    private final AccessReviewer delegate;
    private final long allowedTtl;
    private final long deniedTtl;
    private final LongSupplier clock;
    private final Map<String, Entry> cache = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    public CachingAccessReviewer(AccessReviewer delegate, Duration allowedTtl, Duration deniedTtl) {
        this(delegate, allowedTtl, deniedTtl, System::nanoTime);
    }

    CachingAccessReviewer(AccessReviewer delegate, Duration allowedTtl, Duration deniedTtl, LongSupplier nanoClock) {
        this.delegate = delegate;
        this.allowedTtl = allowedTtl.toNanos();
        this.deniedTtl = deniedTtl.toNanos();
        this.clock = nanoClock;
    }

    @Override
    public KubeReviews.Decision review(UserInfo user, AccessAttributes a) throws Exception {
        String key = user.name() + '\0' + user.uid() + '\0' + user.groups() + '\0' + user.extra() + '\0' + a;
        synchronized (cache) {
            Entry e = cache.get(key);
            if (e != null) {
                if (clock.getAsLong() - e.expiresAt() < 0) {
                    return e.decision();
                }
                cache.remove(key);
            }
        }
        KubeReviews.Decision d = delegate.review(user, a);
        boolean evaluationError = d.evaluationError() != null && !d.evaluationError().isEmpty();
        long ttl = d.allowed() ? allowedTtl : deniedTtl;
        if ((d.allowed() || !evaluationError) && ttl > 0) {
            synchronized (cache) {
                cache.put(key, new Entry(d, clock.getAsLong() + ttl));
            }
        }
        return d;
    }
}
