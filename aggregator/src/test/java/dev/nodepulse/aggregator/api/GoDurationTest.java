package dev.nodepulse.aggregator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Go's time.Duration.String() forms, as metav1.Duration serializes windows. */
class GoDurationTest {

    @Test
    void forms() {
        assertEquals("15.018s", GoDuration.format(15_018_000_000L));
        assertEquals("1m0.5s", GoDuration.format(60_500_000_000L));
        assertEquals("30s", GoDuration.format(30_000_000_000L));
        assertEquals("2h0m0s", GoDuration.format(7_200_000_000_000L));
        assertEquals("500ms", GoDuration.format(500_000_000L));
        assertEquals("1.5µs", GoDuration.format(1_500L));
        assertEquals("999ns", GoDuration.format(999L));
        assertEquals("0s", GoDuration.format(0));
        assertEquals("-1.5s", GoDuration.format(-1_500_000_000L));
        assertEquals("1h2m3.000000004s", GoDuration.format(3_723_000_000_004L));
    }
}
