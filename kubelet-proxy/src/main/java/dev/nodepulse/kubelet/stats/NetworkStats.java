package dev.nodepulse.kubelet.stats;

import java.time.Instant;
import java.util.List;

/**
 * Network stats. {@code defaultInterface} is flattened into this object in JSON (Go embeds it): the kubelet
 * copies {@code eth0} there, or leaves only {@code "name": ""} when there is none ({@link InterfaceStats#NONE}).
 */
public record NetworkStats(Instant time, InterfaceStats defaultInterface, List<InterfaceStats> interfaces) {}
