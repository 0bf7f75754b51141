package dev.nodepulse.metrics.text;

/**
 * One sample line as written: its own name (for summaries and histograms that is {@code x}, {@code x_sum},
 * {@code x_count} or {@code x_bucket}), all its labels (including {@code quantile} and {@code le}), the value,
 * and the client-side timestamp in milliseconds when the line had one.
 */
public record Sample(String name, LabelSet labels, double value, boolean hasTimestamp, long timestampMillis) {

    public static Sample of(String name, LabelSet labels, double value) {
        return new Sample(name, labels, value, false, 0);
    }
}
