package dev.nodepulse.metrics.text;

import java.util.List;

/**
 * The lines of one summary with one label set ({@code quantile} removed), grouped as expfmt groups them.
 * {@code count} and {@code sum} are 0 when the input had no {@code _count} / {@code _sum} line, as client_golang's
 * getters give them. The timestamp is the last one seen on any of the lines.
 */
public record Summary(LabelSet labels, double count, double sum, List<Quantile> quantiles, boolean hasTimestamp,
                      long timestampMillis) {}
