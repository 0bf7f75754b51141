package dev.nodepulse.metrics.text;

/** One {@code quantile="q"} line of a summary. */
public record Quantile(double quantile, double value) {}
