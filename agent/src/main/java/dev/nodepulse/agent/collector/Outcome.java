package dev.nodepulse.agent.collector;

import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * What one collector produced for one scrape. {@code error} is null on success; {@code noData} marks the
 * quiet failure of a host without the source.
 */
public record Outcome(String collector, List<MetricSnapshot> snapshots, double seconds, String error,
                      boolean noData) {

    public boolean success() {
        return error == null;
    }

    static Outcome timedOut(String collector, double seconds) {
        return new Outcome(collector, List.of(), seconds, "timed out after " + String.format("%.3fs", seconds)
                + " (still running; later scrapes wait for it instead of starting another)", false);
    }
}
