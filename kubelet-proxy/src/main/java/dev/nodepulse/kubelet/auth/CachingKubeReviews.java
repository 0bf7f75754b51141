package dev.nodepulse.kubelet.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * TokenReview and SubjectAccessReview answers remembered for a short while, as the kubelet's webhook
 * authenticator and authorizer do (defaults there: tokens 2m, allowed 5m, denied 30s), so a scraper every
 * 15 s costs the API server one review per TTL instead of two per scrape. Failures to ask are not cached.
 * Tokens are keyed by their SHA-256, never kept in the clear.
 */
public final class CachingKubeReviews implements KubeReviews {

    public static final Duration DEFAULT_TOKEN_TTL = Duration.ofMinutes(2);
    public static final Duration DEFAULT_ALLOWED_TTL = Duration.ofMinutes(5);
    public static final Duration DEFAULT_DENIED_TTL = Duration.ofSeconds(30);
    private static final int MAX_ENTRIES = 4096;

    private record Entry<T>(T value, long expiresAt) {}

    private final KubeReviews delegate;
    private final long tokenTtl;
    private final long allowedTtl;
    private final long deniedTtl;
    private final LongSupplier clock;
    private final Map<String, Entry<TokenResult>> tokens = lru();
    private final Map<String, Entry<Decision>> decisions = lru();

    public CachingKubeReviews(KubeReviews delegate, Duration tokenTtl, Duration allowedTtl, Duration deniedTtl) {
        this(delegate, tokenTtl, allowedTtl, deniedTtl, System::nanoTime);
    }

    CachingKubeReviews(KubeReviews delegate, Duration tokenTtl, Duration allowedTtl, Duration deniedTtl,
            LongSupplier nanoClock) {
        this.delegate = delegate;
        this.tokenTtl = tokenTtl.toNanos();
        this.allowedTtl = allowedTtl.toNanos();
        this.deniedTtl = deniedTtl.toNanos();
        this.clock = nanoClock;
    }

    @Override
    public TokenResult reviewToken(String token) throws Exception {
        String key = sha256(token);
        TokenResult cached = get(tokens, key);
        if (cached != null) {
            return cached;
        }
        TokenResult r = delegate.reviewToken(token);
        put(tokens, key, r, tokenTtl);
        return r;
    }

    @Override
    public Decision review(UserInfo user, NodeRequestAttributes a) throws Exception {
        String key = user.name() + "\u0000" + user.uid() + "\u0000" + user.groups() + "\u0000" + new java.util.TreeMap<>(user.extra()) + "\u0000"
                + a.verb() + "\u0000" + a.subresource() + "\u0000" + a.nodeName();
        Decision cached = get(decisions, key);
        if (cached != null) {
            return cached;
        }
        Decision d = delegate.review(user, a);
        if (d.evaluationError() == null || d.evaluationError().isEmpty() || d.allowed()) {
            put(decisions, key, d, d.allowed() ? allowedTtl : deniedTtl);
        }
        return d;
    }

    private <T> T get(Map<String, Entry<T>> map, String key) {
        synchronized (map) {
            Entry<T> e = map.get(key);
            if (e == null) {
                return null;
            }
            if (clock.getAsLong() - e.expiresAt() >= 0) {
                map.remove(key);
                return null;
            }
            return e.value();
        }
    }

    private <T> void put(Map<String, Entry<T>> map, String key, T value, long ttl) {
        if (ttl <= 0) {
            return;
        }
        synchronized (map) {
            map.put(key, new Entry<>(value, clock.getAsLong() + ttl));
        }
    }

    private static <T> Map<String, Entry<T>> lru() {
        return new LinkedHashMap<>(64, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Entry<T>> eldest) {
                return size() > MAX_ENTRIES;
            }
        };
    }

    private static String sha256(String s) {
        try {
            return Base64.getEncoder().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
