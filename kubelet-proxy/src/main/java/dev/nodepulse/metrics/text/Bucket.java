package dev.nodepulse.metrics.text;

/** One {@code le="bound"} line of a histogram, with the cumulative count as written. */
public record Bucket(double upperBound, double cumulativeCount) {}
