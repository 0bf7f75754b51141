package dev.nodepulse.kubelet.resource;

import dev.nodepulse.metrics.text.LabelSet;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.Sample;
import dev.nodepulse.metrics.text.TextFormatParser;
import dev.nodepulse.metrics.text.TextParseException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a kubelet's (or an agent's) /metrics/resource body back into {@link ResourceMetrics}, on the shared
 * text format parser. As metrics-server's decoder does: families are matched by exact name, container series
 * need all of {@code container}, {@code pod} and {@code namespace}, and a sample without a timestamp is taken
 * at {@code scrapeTime}. Families it does not know are ignored.
 */
public final class ResourceMetricsReader {

    private ResourceMetricsReader() {}

    public static ResourceMetrics read(byte[] body, Instant scrapeTime) throws TextParseException {
        return fromFamilies(TextFormatParser.legacy().parse(body), scrapeTime);
    }

    public static ResourceMetrics read(String body, Instant scrapeTime) throws TextParseException {
        return fromFamilies(TextFormatParser.legacy().parse(body), scrapeTime);
    }

    static ResourceMetrics fromFamilies(List<MetricFamily> families, Instant scrapeTime) {
        Measurement nodeCpu = null;
        Measurement nodeMemory = null;
        Measurement nodeSwap = null;
        boolean error = false;
        Map<List<String>, PodBuilder> pods = new LinkedHashMap<>();
        for (MetricFamily f : families) {
            for (Sample s : f.samples()) {
                if (!s.name().equals(f.name())) {
                    continue;
                }
                Measurement m = new Measurement(s.value(), s.hasTimestamp() ? Instant.ofEpochMilli(s.timestampMillis())
                        : scrapeTime);
                LabelSet l = s.labels();
                switch (f.name()) {
                    case ResourceMetricsFormat.NODE_CPU -> nodeCpu = m;
                    case ResourceMetricsFormat.NODE_MEMORY -> nodeMemory = m;
                    case ResourceMetricsFormat.NODE_SWAP -> nodeSwap = m;
                    case ResourceMetricsFormat.RESOURCE_SCRAPE_ERROR, ResourceMetricsFormat.SCRAPE_ERROR ->
                            error |= s.value() != 0;
                    case ResourceMetricsFormat.CONTAINER_CPU -> container(pods, l).cpu = m;
                    case ResourceMetricsFormat.CONTAINER_MEMORY -> container(pods, l).memory = m;
                    case ResourceMetricsFormat.CONTAINER_SWAP -> container(pods, l).swap = m;
                    case ResourceMetricsFormat.CONTAINER_SWAP_LIMIT -> container(pods, l).swapLimit = m;
                    case ResourceMetricsFormat.CONTAINER_START_TIME -> container(pods, l).startTime = instant(s.value());
                    case ResourceMetricsFormat.POD_CPU -> pod(pods, l).cpu = m;
                    case ResourceMetricsFormat.POD_MEMORY -> pod(pods, l).memory = m;
                    case ResourceMetricsFormat.POD_SWAP -> pod(pods, l).swap = m;
                    default -> {
                        // not a resource metric
                    }
                }
            }
        }
        List<PodResources> out = new ArrayList<>(pods.size());
        for (PodBuilder p : pods.values()) {
            List<ContainerResources> containers = new ArrayList<>(p.containers.size());
            for (Map.Entry<String, ContainerBuilder> c : p.containers.entrySet()) {
                ContainerBuilder b = c.getValue();
                containers.add(new ContainerResources(c.getKey(), b.startTime, b.cpu, b.memory, b.swap, b.swapLimit));
            }
            out.add(new PodResources(p.namespace, p.name, p.cpu, p.memory, p.swap, containers));
        }
        return new ResourceMetrics(new NodeResources(nodeCpu, nodeMemory, nodeSwap), out, error);
    }

    /** Seconds since the epoch as a float, back to an instant (to the nanosecond the double carries). */
    static Instant instant(double seconds) {
        long whole = (long) Math.floor(seconds);
        long nanos = Math.round((seconds - whole) * 1e9);
        return Instant.ofEpochSecond(whole, nanos);
    }

    private static final class ContainerBuilder {
        Instant startTime;
        Measurement cpu;
        Measurement memory;
        Measurement swap;
        Measurement swapLimit;
    }

    private static final class PodBuilder {
        final String namespace;
        final String name;
        Measurement cpu;
        Measurement memory;
        Measurement swap;
        final Map<String, ContainerBuilder> containers = new LinkedHashMap<>();

        PodBuilder(String namespace, String name) {
            this.namespace = namespace;
            this.name = name;
        }
    }

    private static PodBuilder pod(Map<List<String>, PodBuilder> pods, LabelSet l) {
        String ns = l.get("namespace");
        String pod = l.get("pod");
        if (ns == null || pod == null) {
            return new PodBuilder("", ""); // a series without its labels is read and dropped
        }
        return pods.computeIfAbsent(List.of(ns, pod), k -> new PodBuilder(ns, pod));
    }

    private static ContainerBuilder container(Map<List<String>, PodBuilder> pods, LabelSet l) {
        String container = l.get("container");
        if (container == null || l.get("namespace") == null || l.get("pod") == null) {
            return new ContainerBuilder(); // read and dropped, as metrics-server drops it
        }
        return pod(pods, l).containers.computeIfAbsent(container, k -> new ContainerBuilder());
    }
}
