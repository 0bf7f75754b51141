package dev.nodepulse.kubelet.resource;

import java.time.Instant;

/** One value and the time it was read; /metrics/resource writes the time as the sample's millisecond timestamp. */
public record Measurement(double value, Instant time) {

    public long timestampMillis() {
        return time.toEpochMilli();
    }
}
