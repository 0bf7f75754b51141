package dev.nodepulse.kubelet.webconfig;

import java.time.Duration;

/** A token bucket with Go's x/time/rate semantics for Allow(): one token per interval, at most {@code burst}. */
final class RateLimiter {

    private final double tokensPerNano;
    private final int burst;
    private double tokens;
    private long last;

    RateLimiter(Duration interval, int burst) {
        this.tokensPerNano = 1.0 / interval.toNanos();
        this.burst = burst;
        this.tokens = burst;
        this.last = System.nanoTime();
    }

    synchronized boolean allow() {
        long now = System.nanoTime();
        tokens = Math.min(burst, tokens + (now - last) * tokensPerNano);
        last = now;
        if (tokens >= 1) {
            tokens -= 1;
            return true;
        }
        return false;
    }
}
