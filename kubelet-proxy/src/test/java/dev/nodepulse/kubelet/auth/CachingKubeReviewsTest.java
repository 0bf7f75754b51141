package dev.nodepulse.kubelet.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachingKubeReviewsTest {

    private final AtomicLong now = new AtomicLong();
    private final AtomicInteger tokenCalls = new AtomicInteger();
    private final AtomicInteger sarCalls = new AtomicInteger();
    private volatile boolean failing;

    private final KubeReviews backend = new KubeReviews() {
        @Override
        public TokenResult reviewToken(String token) throws Exception {
            tokenCalls.incrementAndGet();
            if (failing) {
                throw new java.io.IOException("connection refused");
            }
            return token.equals("good") ? new TokenResult(true, new UserInfo("u", "", List.of(), null), "")
                    : TokenResult.rejected("invalid");
        }

        @Override
        public Decision review(UserInfo user, NodeRequestAttributes a) {
            sarCalls.incrementAndGet();
            return new Decision(a.subresource().equals("metrics"), false, "", "");
        }
    };

    @Test
    void tokensAndDecisionsAreCachedForTheirTtl() throws Exception {
        CachingKubeReviews c = new CachingKubeReviews(backend, Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofSeconds(30), now::get);
        assertTrue(c.reviewToken("good").authenticated());
        assertTrue(c.reviewToken("good").authenticated());
        assertEquals(false, c.reviewToken("bad").authenticated());
        assertEquals(false, c.reviewToken("bad").authenticated());
        assertEquals(2, tokenCalls.get(), "one review per distinct token within the TTL, rejections included");
        now.addAndGet(Duration.ofMinutes(2).toNanos());
        c.reviewToken("good");
        assertEquals(3, tokenCalls.get(), "expired after the token TTL");

        UserInfo u = new UserInfo("u", "", List.of("g"), null);
        NodeRequestAttributes metrics = new NodeRequestAttributes("get", "metrics", "n", "/metrics/resource");
        NodeRequestAttributes stats = new NodeRequestAttributes("get", "stats", "n", "/stats/summary");
        c.review(u, metrics);
        c.review(u, stats);
        c.review(u, metrics);
        c.review(u, stats);
        assertEquals(2, sarCalls.get());
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        c.review(u, stats);
        c.review(u, metrics);
        assertEquals(3, sarCalls.get(), "denials expire after 30 s, allowances are still cached");
        c.review(new UserInfo("u", "", List.of("other"), null), metrics);
        assertEquals(4, sarCalls.get(), "another group set is another question");
    }

    @Test
    void failuresToAskAreNotCached() throws Exception {
        CachingKubeReviews c = new CachingKubeReviews(backend, Duration.ofMinutes(2), Duration.ofMinutes(5),
                Duration.ofSeconds(30), now::get);
        failing = true;
        assertThrows(java.io.IOException.class, () -> c.reviewToken("good"));
        failing = false;
        assertTrue(c.reviewToken("good").authenticated());
        assertEquals(2, tokenCalls.get());
    }
}
