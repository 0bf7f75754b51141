package dev.nodepulse.agent.collector;

import dev.nodepulse.metrics.MetricSink;
import io.prometheus.metrics.model.snapshots.MetricSnapshot;
import java.util.List;

/**
 * What one collector produced for one scrape: the sink it filled (kept as it is; the exposition is written
 * straight from it), null when it never ran. {@code error} is null on success; {@code noData} marks the
 * quiet failure of a host without the source.
 */
public record Outcome(String collector, MetricSink sink, double seconds, String error, boolean noData) {

    public boolean success() {
        return error == null;
    }

    /** The collector's families as client_java snapshots (built on each call). */
    public List<MetricSnapshot> snapshots() {
        if (sink == null) {
            return List.of();
        }
        try {
            return sink.build();
        } catch (RuntimeException e) {
            return List.of();
        }
    }

    static Outcome timedOut(String collector, double seconds) {
        return new Outcome(collector, null, seconds, "timed out after " + String.format("%.3fs", seconds)
                + " (still running; later scrapes wait for it instead of starting another)", false);
    }
}
