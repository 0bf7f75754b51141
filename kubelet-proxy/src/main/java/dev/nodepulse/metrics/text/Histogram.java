package dev.nodepulse.metrics.text;

import java.util.List;

/**
 * The lines of one histogram with one label set ({@code le} removed), buckets in input order with their
 * cumulative counts as written (the {@code +Inf} bucket is present only if the input had it). {@code count}
 * and {@code sum} are 0 when absent. Negative counts are rejected while parsing, as expfmt does.
 */
public record Histogram(LabelSet labels, double count, double sum, List<Bucket> buckets, boolean hasTimestamp,
                        long timestampMillis) {}
