package dev.nodepulse.metrics.text;

/**
 * The {@code # TYPE} of a family in the text format. A family without a TYPE line is {@link #UNTYPED}.
 * {@link #GAUGE_HISTOGRAM} is accepted as expfmt accepts it ({@code gauge_histogram} or the OpenMetrics
 * spelling {@code gaugehistogram}) and is grouped like a histogram.
 */
public enum MetricKind {
    COUNTER, GAUGE, UNTYPED, SUMMARY, HISTOGRAM, GAUGE_HISTOGRAM;

    /** Summaries and (gauge) histograms: their lines are grouped per label set into one metric each. */
    public boolean isDistribution() {
        return this == SUMMARY || this == HISTOGRAM || this == GAUGE_HISTOGRAM;
    }

    boolean isHistogram() {
        return this == HISTOGRAM || this == GAUGE_HISTOGRAM;
    }
}
