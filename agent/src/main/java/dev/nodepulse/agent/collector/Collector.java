package dev.nodepulse.agent.collector;

import dev.nodepulse.metrics.MetricSink;

/**
 * One node_exporter collector: reads its part of the host on every call and puts it into the sink.
 * Implementations keep no state between calls except what node_exporter also keeps (e.g. the cpu
 * collector's last values, to keep counters monotonic) and must be safe to call from any one thread at a
 * time; the runner never calls one collector twice concurrently.
 */
public interface Collector {

    /**
     * Throws {@link NoDataException} when the host simply lacks the source (no such kernel interface),
     * any other exception when reading or parsing failed. Either way the samples already put in the sink
     * are kept, as node_exporter keeps what a failing collector sent before failing.
     */
    void update(MetricSink sink) throws Exception;
}
