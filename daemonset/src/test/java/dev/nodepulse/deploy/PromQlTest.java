package dev.nodepulse.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PromQlTest {

    @Test
    void namesOutsideMatchersGroupingAndCalls() {
        assertEquals(Set.of("node_cpu_seconds_total"), PromQl.metricNames(
                "1 - avg by (instance) (rate(node_cpu_seconds_total{mode=\"idle\", instance=~\"$instance\"}[$__rate_interval]))"));
        assertEquals(Set.of("node_memory_MemTotal_bytes", "node_memory_MemAvailable_bytes"), PromQl.metricNames(
                "node_memory_MemTotal_bytes{instance=~\"$instance\"} - node_memory_MemAvailable_bytes{instance=~\"$instance\"}"));
        assertEquals(Set.of("a_total", "b"), PromQl.metricNames("sum without (cpu) (rate(a_total[5m])) / on (x) group_left (y) b > bool 2e3"));
    }

    @Test
    void grafanaLabelValues() {
        assertEquals(Set.of("container_cpu_usage_seconds_total"),
                PromQl.metricNames("label_values(container_cpu_usage_seconds_total{namespace=~\"$namespace\"}, pod)"));
    }
}
