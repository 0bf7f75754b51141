package dev.nodepulse.kubelet.stats;

import dev.nodepulse.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kubelet's stats/v1alpha1 key set per object type, written down independently of {@link SummaryJson} from
 * the upstream Go types. {@link #violations} lists every key the kubelet's schema lacks and every key it always
 * writes that is missing, so a test can show a document carries nothing a kubelet consumer would not expect.
 */
public final class SummarySchema {

    private record Type(Set<String> required, Set<String> optional, Map<String, String> children) {}

    private static final Set<String> FS = Set.of("availableBytes", "capacityBytes", "usedBytes", "inodesFree", "inodes",
            "inodesUsed");
    private static final Map<String, Type> TYPES = Map.ofEntries(
            Map.entry("Summary", new Type(Set.of("node", "pods"), Set.of(), Map.of("node", "NodeStats", "pods", "PodStats"))),
            Map.entry("NodeStats", new Type(Set.of("nodeName", "startTime"),
                    Set.of("systemContainers", "cpu", "memory", "io", "network", "fs", "runtime", "rlimit", "swap"),
                    Map.of("systemContainers", "ContainerStats", "cpu", "CPUStats", "memory", "MemoryStats", "io", "IOStats",
                            "network", "NetworkStats", "fs", "FsStats", "runtime", "RuntimeStats", "rlimit", "RlimitStats",
                            "swap", "SwapStats"))),
            Map.entry("PodStats", new Type(Set.of("podRef", "startTime", "containers"),
                    Set.of("cpu", "memory", "io", "network", "volume", "ephemeral-storage", "process_stats", "swap"),
                    Map.of("podRef", "PodReference", "containers", "ContainerStats", "cpu", "CPUStats", "memory",
                            "MemoryStats", "io", "IOStats", "network", "NetworkStats", "volume", "VolumeStats",
                            "ephemeral-storage", "FsStats", "process_stats", "ProcessStats", "swap", "SwapStats"))),
            Map.entry("ContainerStats", new Type(Set.of("name", "startTime"),
                    Set.of("cpu", "memory", "io", "accelerators", "rootfs", "logs", "userDefinedMetrics", "swap"),
                    Map.of("cpu", "CPUStats", "memory", "MemoryStats", "io", "IOStats", "accelerators", "AcceleratorStats",
                            "rootfs", "FsStats", "logs", "FsStats", "userDefinedMetrics", "UserDefinedMetric", "swap",
                            "SwapStats"))),
            Map.entry("PodReference", new Type(Set.of("name", "namespace", "uid"), Set.of(), Map.of())),
            Map.entry("CPUStats", new Type(Set.of("time"), Set.of("usageNanoCores", "usageCoreNanoSeconds", "psi"),
                    Map.of("psi", "PSIStats"))),
            Map.entry("MemoryStats", new Type(Set.of("time"), Set.of("availableBytes", "usageBytes", "workingSetBytes",
                    "rssBytes", "pageFaults", "majorPageFaults", "psi"), Map.of("psi", "PSIStats"))),
            Map.entry("IOStats", new Type(Set.of("time"), Set.of("psi"), Map.of("psi", "PSIStats"))),
            Map.entry("PSIStats", new Type(Set.of("full", "some"), Set.of(), Map.of("full", "PSIData", "some", "PSIData"))),
            Map.entry("PSIData", new Type(Set.of("total", "avg10", "avg60", "avg300"), Set.of(), Map.of())),
            Map.entry("SwapStats", new Type(Set.of("time"), Set.of("swapAvailableBytes", "swapUsageBytes"), Map.of())),
            Map.entry("NetworkStats", new Type(Set.of("time", "name"), Set.of("rxBytes", "rxErrors", "txBytes", "txErrors",
                    "interfaces"), Map.of("interfaces", "InterfaceStats"))),
            Map.entry("InterfaceStats", new Type(Set.of("name"), Set.of("rxBytes", "rxErrors", "txBytes", "txErrors"),
                    Map.of())),
            Map.entry("FsStats", new Type(Set.of("time"), FS, Map.of())),
            Map.entry("VolumeStats", new Type(Set.of("time"), union(FS, Set.of("name", "pvcRef", "volumeHealthStats")),
                    Map.of("pvcRef", "PVCReference", "volumeHealthStats", "VolumeHealthStats"))),
            Map.entry("PVCReference", new Type(Set.of("name", "namespace"), Set.of(), Map.of())),
            Map.entry("VolumeHealthStats", new Type(Set.of("abnormal"), Set.of(), Map.of())),
            Map.entry("RuntimeStats", new Type(Set.of(), Set.of("imageFs", "containerFs"),
                    Map.of("imageFs", "FsStats", "containerFs", "FsStats"))),
            Map.entry("RlimitStats", new Type(Set.of("time"), Set.of("maxpid", "curproc"), Map.of())),
            Map.entry("ProcessStats", new Type(Set.of(), Set.of("process_count"), Map.of())),
            Map.entry("AcceleratorStats", new Type(Set.of("make", "model", "id", "memoryTotal", "memoryUsed", "dutyCycle"),
                    Set.of(), Map.of())),
            Map.entry("UserDefinedMetric", new Type(Set.of("name", "type", "units", "time", "value"), Set.of("labels"),
                    Map.of())));

    private SummarySchema() {}

    public static List<String> violations(JsonObject summary) {
        List<String> out = new ArrayList<>();
        check(summary, "Summary", out);
        return out;
    }

    private static void check(JsonObject o, String typeName, List<String> out) {
        Type t = TYPES.get(typeName);
        for (String k : t.required()) {
            if (!o.fields().containsKey(k)) {
                out.add(o.path() + ": missing always-written key \"" + k + "\" (" + typeName + ")");
            }
        }
        for (Map.Entry<String, Object> e : o.fields().entrySet()) {
            String k = e.getKey();
            if (!t.required().contains(k) && !t.optional().contains(k)) {
                out.add(o.path() + ": key \"" + k + "\" is not in the kubelet's " + typeName);
                continue;
            }
            if (!t.required().contains(k) && e.getValue() == null) {
                out.add(o.path() + ": optional key \"" + k + "\" written as null (the kubelet omits it)");
            }
            String child = t.children().get(k);
            if (child == null || e.getValue() == null) {
                continue;
            }
            if (e.getValue() instanceof JsonObject c) {
                check(c, child, out);
            } else if (e.getValue() instanceof List<?> list) {
                for (Object item : list) {
                    if (item instanceof JsonObject c) {
                        check(c, child, out);
                    }
                }
            }
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        java.util.HashSet<String> s = new java.util.HashSet<>(a);
        s.addAll(b);
        return Set.copyOf(s);
    }
}
