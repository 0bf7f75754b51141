package dev.nodepulse.metrics;

/** The three types node_exporter and the kubelet publish from collectors; untyped matters (netstat, vmstat). */
public enum MetricType { GAUGE, COUNTER, UNTYPED }
