package dev.nodepulse.aggregator.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Canonical Quantity strings, checked against the forms resource.Quantity prints (metrics-api.md 6.3). */
class QuantitiesTest {

    @Test
    void cpuNanocores() {
        assertEquals("187654321n", Quantities.nanos(187_654_321L));
        assertEquals("150m", Quantities.nanos(150_000_000L));
        assertEquals("2", Quantities.nanos(2_000_000_000L));
        assertEquals("0", Quantities.nanos(0));
        assertEquals("1500m", Quantities.nanos(1_500_000_000L));
        assertEquals("10u", Quantities.nanos(10_000L));
        assertEquals("12340n", Quantities.nanos(12_340L));
        assertEquals("3k", Quantities.nanos(3_000_000_000_000L));
    }

    @Test
    void memoryBytes() {
        assertEquals("1805328Ki", Quantities.bytes(1805328L * 1024));
        assertEquals("1848655873", Quantities.bytes(1_848_655_873L));
        assertEquals("1Mi", Quantities.bytes(1 << 20));
        assertEquals("1k", Quantities.bytes(1000));
        assertEquals("1023", Quantities.bytes(1023));
        assertEquals("0", Quantities.bytes(0));
        assertEquals("3Gi", Quantities.bytes(3L << 30));
    }
}
