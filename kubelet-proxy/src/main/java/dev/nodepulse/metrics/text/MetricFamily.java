package dev.nodepulse.metrics.text;

import java.util.List;

/**
 * One metric family of a parsed exposition.
 *
 * @param help the HELP text, or null when the input had no (non-empty) HELP line for it
 * @param samples every sample line of the family in input order
 * @param summaries for {@link MetricKind#SUMMARY} families: the samples grouped per label set; else empty
 * @param histograms for (gauge) histogram families: the samples grouped per label set; else empty
 */
public record MetricFamily(String name, String help, MetricKind kind, List<Sample> samples,
                           List<Summary> summaries, List<Histogram> histograms) {

    public boolean hasHelp() {
        return help != null;
    }

    /** Whether any sample carried a client-side timestamp. */
    public boolean hasTimestamps() {
        for (Sample s : samples) {
            if (s.hasTimestamp()) {
                return true;
            }
        }
        return false;
    }
}
