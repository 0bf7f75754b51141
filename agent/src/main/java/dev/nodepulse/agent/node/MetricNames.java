package dev.nodepulse.agent.node;

import java.util.regex.Pattern;

/** node_exporter's SanitizeMetricName: runs of characters a metric name cannot hold, with adjacent '_', become one '_'. */
final class MetricNames {

    private static final Pattern INVALID = Pattern.compile("_*[^0-9A-Za-z_]+_*");

    private MetricNames() {}

    static String sanitize(String name) {
        return INVALID.matcher(name).replaceAll("_");
    }
}
