package dev.nodepulse.kubelet.stats;

import java.time.Instant;
import java.util.Map;

/** Legacy cAdvisor custom metric; {@code type} is gauge, cumulative or delta. Descriptor fields flatten in JSON. */
public record UserDefinedMetric(String name, String type, String units, Map<String, String> labels, Instant time,
        double value) {}
