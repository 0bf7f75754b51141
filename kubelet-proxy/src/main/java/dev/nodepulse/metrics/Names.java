package dev.nodepulse.metrics;

import io.prometheus.metrics.model.snapshots.PrometheusNaming;
import java.util.Arrays;

/**
 * client_java's rules for metric and label names, checked once when a family is declared instead of for every
 * sample when its snapshot is built: client_java re-validates each label name of each data point with a fresh
 * UTF-8 encoder, which was the largest single cost of a scrape (about 1 µs per sample; bench: FullNodeExpositionBenchmark).
 * A family that client_java would reject fails its collector here, as it used to fail there.
 */
final class Names {

    private Names() {}

    static void checkFamily(String name, String[] labelNames) {
        if (name == null || name.isEmpty() || (!isAscii(name) && !PrometheusNaming.isValidMetricName(name))) {
            throw new IllegalArgumentException("'" + name + "': illegal metric name");
        }
        for (int i = 0; i < labelNames.length; i++) {
            String l = labelNames[i];
            if (!isValidLabelName(l)) {
                throw new IllegalArgumentException(name + ": '" + l + "' is an illegal label name");
            }
        }
        if (labelNames.length > 1) {
            String[] sorted = labelNames.clone();
            Arrays.sort(sorted);
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i].equals(sorted[i - 1])) {
                    throw new IllegalArgumentException(name + ": " + sorted[i] + ": duplicate label name");
                }
            }
        }
    }

    /** {@link PrometheusNaming#isValidLabelName}, without its encoder for the usual ASCII names. */
    static boolean isValidLabelName(String l) {
        if (l == null || l.isEmpty()) {
            return false;
        }
        if (!isAscii(l)) {
            return PrometheusNaming.isValidLabelName(l);
        }
        return !(l.startsWith("__") || l.startsWith("._") || l.startsWith("..") || l.startsWith("_."));
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
