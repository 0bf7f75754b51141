package dev.nodepulse.kubelet.stats;

import dev.nodepulse.json.JsonException;
import dev.nodepulse.json.JsonObject;
import dev.nodepulse.json.JsonReader;
import dev.nodepulse.json.JsonWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes and reads the Summary API JSON exactly as the kubelet's Go types do: the kubelet's keys in its struct
 * order, embedded structs flattened, pointer fields left out when null ({@code omitempty}), value fields always
 * written, lists tagged {@code omitempty} left out when empty, times as whole-second RFC 3339 UTC.
 *
 * <p>Hand-written rather than reflective: the omission rule differs field by field (a Go pointer versus a value),
 * the key set includes non-camelCase names, and the agent should not carry a JSON library on its scrape path.
 */
public final class SummaryJson {

    private SummaryJson() {}

    /** The kubelet's layout: go-restful pretty-prints with one space per level and no trailing newline. */
    public static String write(Summary s) {
        return write(s, true);
    }

    public static String write(Summary s, boolean pretty) {
        StringBuilder sb = new StringBuilder(4096);
        writeSummary(new JsonWriter(sb, pretty), s);
        return sb.toString();
    }

    public static Summary read(String json) throws JsonException {
        return readSummary(JsonReader.parseObject(json));
    }

    // ---- writing -------------------------------------------------------------------------------------------

    private static void writeSummary(JsonWriter w, Summary s) {
        w.beginObject();
        w.name("node");
        writeNode(w, s.node());
        w.name("pods");
        if (s.pods() == null) {
            w.nullValue();
        } else {
            w.beginArray();
            for (PodStats p : s.pods()) {
                writePod(w, p);
            }
            w.endArray();
        }
        w.endObject();
    }

    private static void writeNode(JsonWriter w, NodeStats n) {
        w.beginObject();
        if (n != null) {
            w.name("nodeName").value(str(n.nodeName()));
            if (n.systemContainers() != null && !n.systemContainers().isEmpty()) {
                w.name("systemContainers").beginArray();
                for (ContainerStats c : n.systemContainers()) {
                    writeContainer(w, c);
                }
                w.endArray();
            }
            w.name("startTime").time(n.startTime());
            cpu(w, "cpu", n.cpu());
            memory(w, "memory", n.memory());
            io(w, "io", n.io());
            network(w, "network", n.network());
            fs(w, "fs", n.fs());
            if (n.runtime() != null) {
                w.name("runtime").beginObject();
                fs(w, "imageFs", n.runtime().imageFs());
                fs(w, "containerFs", n.runtime().containerFs());
                w.endObject();
            }
            if (n.rlimit() != null) {
                w.name("rlimit").beginObject();
                w.name("time").time(n.rlimit().time());
                signed(w, "maxpid", n.rlimit().maxPid());
                signed(w, "curproc", n.rlimit().curProc());
                w.endObject();
            }
            swap(w, "swap", n.swap());
        } else {
            w.name("nodeName").value("");
            w.name("startTime").nullValue();
        }
        w.endObject();
    }

    private static void writePod(JsonWriter w, PodStats p) {
        w.beginObject();
        PodReference ref = p.podRef() == null ? new PodReference("", "", "") : p.podRef();
        w.name("podRef").beginObject();
        w.name("name").value(str(ref.name()));
        w.name("namespace").value(str(ref.namespace()));
        w.name("uid").value(str(ref.uid()));
        w.endObject();
        w.name("startTime").time(p.startTime());
        w.name("containers");
        if (p.containers() == null) {
            w.nullValue();
        } else {
            w.beginArray();
            for (ContainerStats c : p.containers()) {
                writeContainer(w, c);
            }
            w.endArray();
        }
        cpu(w, "cpu", p.cpu());
        memory(w, "memory", p.memory());
        io(w, "io", p.io());
        network(w, "network", p.network());
        if (p.volume() != null && !p.volume().isEmpty()) {
            w.name("volume").beginArray();
            for (VolumeStats v : p.volume()) {
                w.beginObject();
                fsFields(w, v.fs());
                if (v.name() != null && !v.name().isEmpty()) {
                    w.name("name").value(v.name());
                }
                if (v.pvcRef() != null) {
                    w.name("pvcRef").beginObject();
                    w.name("name").value(str(v.pvcRef().name()));
                    w.name("namespace").value(str(v.pvcRef().namespace()));
                    w.endObject();
                }
                if (v.volumeHealthStats() != null) {
                    w.name("volumeHealthStats").beginObject();
                    w.name("abnormal").bool(v.volumeHealthStats().abnormal());
                    w.endObject();
                }
                w.endObject();
            }
            w.endArray();
        }
        fs(w, "ephemeral-storage", p.ephemeralStorage());
        if (p.processStats() != null) {
            w.name("process_stats").beginObject();
            unsigned(w, "process_count", p.processStats().processCount());
            w.endObject();
        }
        swap(w, "swap", p.swap());
        w.endObject();
    }

    private static void writeContainer(JsonWriter w, ContainerStats c) {
        w.beginObject();
        w.name("name").value(str(c.name()));
        w.name("startTime").time(c.startTime());
        cpu(w, "cpu", c.cpu());
        memory(w, "memory", c.memory());
        io(w, "io", c.io());
        if (c.accelerators() != null && !c.accelerators().isEmpty()) {
            w.name("accelerators").beginArray();
            for (AcceleratorStats a : c.accelerators()) {
                w.beginObject();
                w.name("make").value(str(a.make()));
                w.name("model").value(str(a.model()));
                w.name("id").value(str(a.id()));
                w.name("memoryTotal").unsigned(a.memoryTotal());
                w.name("memoryUsed").unsigned(a.memoryUsed());
                w.name("dutyCycle").unsigned(a.dutyCycle());
                w.endObject();
            }
            w.endArray();
        }
        fs(w, "rootfs", c.rootfs());
        fs(w, "logs", c.logs());
        if (c.userDefinedMetrics() != null && !c.userDefinedMetrics().isEmpty()) {
            w.name("userDefinedMetrics").beginArray();
            for (UserDefinedMetric m : c.userDefinedMetrics()) {
                w.beginObject();
                w.name("name").value(str(m.name()));
                w.name("type").value(str(m.type()));
                w.name("units").value(str(m.units()));
                if (m.labels() != null && !m.labels().isEmpty()) {
                    // Go writes map keys sorted.
                    w.name("labels").beginObject();
                    for (Map.Entry<String, String> e : new java.util.TreeMap<>(m.labels()).entrySet()) {
                        w.name(e.getKey()).value(e.getValue());
                    }
                    w.endObject();
                }
                w.name("time").time(m.time());
                w.name("value").number(m.value());
                w.endObject();
            }
            w.endArray();
        }
        swap(w, "swap", c.swap());
        w.endObject();
    }

    private static void cpu(JsonWriter w, String key, CpuStats c) {
        if (c == null) {
            return;
        }
        w.name(key).beginObject();
        w.name("time").time(c.time());
        unsigned(w, "usageNanoCores", c.usageNanoCores());
        unsigned(w, "usageCoreNanoSeconds", c.usageCoreNanoSeconds());
        psi(w, c.psi());
        w.endObject();
    }

    private static void memory(JsonWriter w, String key, MemoryStats m) {
        if (m == null) {
            return;
        }
        w.name(key).beginObject();
        w.name("time").time(m.time());
        unsigned(w, "availableBytes", m.availableBytes());
        unsigned(w, "usageBytes", m.usageBytes());
        unsigned(w, "workingSetBytes", m.workingSetBytes());
        unsigned(w, "rssBytes", m.rssBytes());
        unsigned(w, "pageFaults", m.pageFaults());
        unsigned(w, "majorPageFaults", m.majorPageFaults());
        psi(w, m.psi());
        w.endObject();
    }

    private static void io(JsonWriter w, String key, IoStats io) {
        if (io == null) {
            return;
        }
        w.name(key).beginObject();
        w.name("time").time(io.time());
        psi(w, io.psi());
        w.endObject();
    }

    private static void psi(JsonWriter w, PsiStats psi) {
        if (psi == null) {
            return;
        }
        w.name("psi").beginObject();
        psiData(w, "full", psi.full());
        psiData(w, "some", psi.some());
        w.endObject();
    }

    private static void psiData(JsonWriter w, String key, PsiData d) {
        PsiData v = d == null ? new PsiData(0, 0, 0, 0) : d;
        w.name(key).beginObject();
        w.name("total").unsigned(v.total());
        w.name("avg10").number(v.avg10());
        w.name("avg60").number(v.avg60());
        w.name("avg300").number(v.avg300());
        w.endObject();
    }

    private static void swap(JsonWriter w, String key, SwapStats s) {
        if (s == null) {
            return;
        }
        w.name(key).beginObject();
        w.name("time").time(s.time());
        unsigned(w, "swapAvailableBytes", s.swapAvailableBytes());
        unsigned(w, "swapUsageBytes", s.swapUsageBytes());
        w.endObject();
    }

    private static void network(JsonWriter w, String key, NetworkStats n) {
        if (n == null) {
            return;
        }
        w.name(key).beginObject();
        w.name("time").time(n.time());
        interfaceFields(w, n.defaultInterface() == null ? InterfaceStats.NONE : n.defaultInterface());
        if (n.interfaces() != null && !n.interfaces().isEmpty()) {
            w.name("interfaces").beginArray();
            for (InterfaceStats i : n.interfaces()) {
                w.beginObject();
                interfaceFields(w, i);
                w.endObject();
            }
            w.endArray();
        }
        w.endObject();
    }

    private static void interfaceFields(JsonWriter w, InterfaceStats i) {
        w.name("name").value(str(i.name()));
        unsigned(w, "rxBytes", i.rxBytes());
        unsigned(w, "rxErrors", i.rxErrors());
        unsigned(w, "txBytes", i.txBytes());
        unsigned(w, "txErrors", i.txErrors());
    }

    private static void fs(JsonWriter w, String key, FsStats f) {
        if (f == null) {
            return;
        }
        w.name(key).beginObject();
        fsFields(w, f);
        w.endObject();
    }

    private static void fsFields(JsonWriter w, FsStats f) {
        if (f == null) {
            w.name("time").nullValue();
            return;
        }
        w.name("time").time(f.time());
        unsigned(w, "availableBytes", f.availableBytes());
        unsigned(w, "capacityBytes", f.capacityBytes());
        unsigned(w, "usedBytes", f.usedBytes());
        unsigned(w, "inodesFree", f.inodesFree());
        unsigned(w, "inodes", f.inodes());
        unsigned(w, "inodesUsed", f.inodesUsed());
    }

    private static void unsigned(JsonWriter w, String key, Long v) {
        if (v != null) {
            w.name(key).unsigned(v);
        }
    }

    private static void signed(JsonWriter w, String key, Long v) {
        if (v != null) {
            w.name(key).signed(v);
        }
    }

    private static String str(String s) {
        return s == null ? "" : s;
    }

    // ---- reading -------------------------------------------------------------------------------------------

    private static Summary readSummary(JsonObject o) throws JsonException {
        JsonObject node = o.object("node");
        List<JsonObject> pods = o.objects("pods");
        List<PodStats> podList = null;
        if (pods != null) {
            podList = new ArrayList<>(pods.size());
            for (JsonObject p : pods) {
                podList.add(readPod(p));
            }
        }
        return new Summary(readNode(node == null ? JsonReader.parseObject("{}") : node), podList);
    }

    private static NodeStats readNode(JsonObject o) throws JsonException {
        JsonObject runtime = o.object("runtime");
        JsonObject rlimit = o.object("rlimit");
        return new NodeStats(o.stringOrEmpty("nodeName"), containers(o.objects("systemContainers"), true),
                o.time("startTime"), readCpu(o.object("cpu")), readMemory(o.object("memory")), readIo(o.object("io")),
                readNetwork(o.object("network")), readFs(o.object("fs")),
                runtime == null ? null : new RuntimeStats(readFs(runtime.object("imageFs")),
                        readFs(runtime.object("containerFs"))),
                rlimit == null ? null : new RlimitStats(rlimit.time("time"), rlimit.signed("maxpid"),
                        rlimit.signed("curproc")),
                readSwap(o.object("swap")));
    }

    private static PodStats readPod(JsonObject o) throws JsonException {
        JsonObject ref = o.object("podRef");
        PodReference podRef = ref == null ? new PodReference("", "", "")
                : new PodReference(ref.stringOrEmpty("name"), ref.stringOrEmpty("namespace"), ref.stringOrEmpty("uid"));
        List<VolumeStats> volumes = null;
        List<JsonObject> vs = o.objects("volume");
        if (vs != null && !vs.isEmpty()) {
            volumes = new ArrayList<>(vs.size());
            for (JsonObject v : vs) {
                JsonObject pvc = v.object("pvcRef");
                JsonObject health = v.object("volumeHealthStats");
                volumes.add(new VolumeStats(readFs(v), v.stringOrEmpty("name"),
                        pvc == null ? null : new PvcReference(pvc.stringOrEmpty("name"), pvc.stringOrEmpty("namespace")),
                        health == null ? null : new VolumeHealthStats(Boolean.TRUE.equals(health.bool("abnormal")))));
            }
        }
        JsonObject process = o.object("process_stats");
        return new PodStats(podRef, o.time("startTime"), containers(o.objects("containers"), false),
                readCpu(o.object("cpu")), readMemory(o.object("memory")), readIo(o.object("io")),
                readNetwork(o.object("network")), volumes, readFs(o.object("ephemeral-storage")),
                process == null ? null : new ProcessStats(process.unsigned("process_count")), readSwap(o.object("swap")));
    }

    private static List<ContainerStats> containers(List<JsonObject> list, boolean omitEmpty) throws JsonException {
        if (list == null || (omitEmpty && list.isEmpty())) {
            return null;
        }
        List<ContainerStats> out = new ArrayList<>(list.size());
        for (JsonObject c : list) {
            out.add(readContainer(c));
        }
        return out;
    }

    private static ContainerStats readContainer(JsonObject o) throws JsonException {
        List<AcceleratorStats> accelerators = null;
        List<JsonObject> acc = o.objects("accelerators");
        if (acc != null && !acc.isEmpty()) {
            accelerators = new ArrayList<>();
            for (JsonObject a : acc) {
                accelerators.add(new AcceleratorStats(a.stringOrEmpty("make"), a.stringOrEmpty("model"),
                        a.stringOrEmpty("id"), zero(a.unsigned("memoryTotal")), zero(a.unsigned("memoryUsed")),
                        zero(a.unsigned("dutyCycle"))));
            }
        }
        List<UserDefinedMetric> udm = null;
        List<JsonObject> ms = o.objects("userDefinedMetrics");
        if (ms != null && !ms.isEmpty()) {
            udm = new ArrayList<>();
            for (JsonObject m : ms) {
                Map<String, String> labels = m.stringMap("labels");
                Double value = m.number("value");
                udm.add(new UserDefinedMetric(m.stringOrEmpty("name"), m.stringOrEmpty("type"), m.stringOrEmpty("units"),
                        labels == null || labels.isEmpty() ? null : labels, m.time("time"), value == null ? 0 : value));
            }
        }
        return new ContainerStats(o.stringOrEmpty("name"), o.time("startTime"), readCpu(o.object("cpu")),
                readMemory(o.object("memory")), readIo(o.object("io")), accelerators, readFs(o.object("rootfs")),
                readFs(o.object("logs")), udm, readSwap(o.object("swap")));
    }

    private static CpuStats readCpu(JsonObject o) throws JsonException {
        return o == null ? null : new CpuStats(o.time("time"), o.unsigned("usageNanoCores"),
                o.unsigned("usageCoreNanoSeconds"), readPsi(o.object("psi")));
    }

    private static MemoryStats readMemory(JsonObject o) throws JsonException {
        return o == null ? null : new MemoryStats(o.time("time"), o.unsigned("availableBytes"), o.unsigned("usageBytes"),
                o.unsigned("workingSetBytes"), o.unsigned("rssBytes"), o.unsigned("pageFaults"),
                o.unsigned("majorPageFaults"), readPsi(o.object("psi")));
    }

    private static IoStats readIo(JsonObject o) throws JsonException {
        return o == null ? null : new IoStats(o.time("time"), readPsi(o.object("psi")));
    }

    private static PsiStats readPsi(JsonObject o) throws JsonException {
        return o == null ? null : new PsiStats(readPsiData(o.object("full")), readPsiData(o.object("some")));
    }

    private static PsiData readPsiData(JsonObject o) throws JsonException {
        if (o == null) {
            return new PsiData(0, 0, 0, 0);
        }
        return new PsiData(zero(o.unsigned("total")), zeroD(o.number("avg10")), zeroD(o.number("avg60")),
                zeroD(o.number("avg300")));
    }

    private static SwapStats readSwap(JsonObject o) throws JsonException {
        return o == null ? null : new SwapStats(o.time("time"), o.unsigned("swapAvailableBytes"),
                o.unsigned("swapUsageBytes"));
    }

    private static NetworkStats readNetwork(JsonObject o) throws JsonException {
        if (o == null) {
            return null;
        }
        List<InterfaceStats> interfaces = null;
        List<JsonObject> list = o.objects("interfaces");
        if (list != null && !list.isEmpty()) {
            interfaces = new ArrayList<>(list.size());
            for (JsonObject i : list) {
                interfaces.add(readInterface(i));
            }
        }
        return new NetworkStats(o.time("time"), readInterface(o), interfaces);
    }

    private static InterfaceStats readInterface(JsonObject o) throws JsonException {
        return new InterfaceStats(o.stringOrEmpty("name"), o.unsigned("rxBytes"), o.unsigned("rxErrors"),
                o.unsigned("txBytes"), o.unsigned("txErrors"));
    }

    private static FsStats readFs(JsonObject o) throws JsonException {
        return o == null ? null : new FsStats(o.time("time"), o.unsigned("availableBytes"), o.unsigned("capacityBytes"),
                o.unsigned("usedBytes"), o.unsigned("inodesFree"), o.unsigned("inodes"), o.unsigned("inodesUsed"));
    }

    private static long zero(Long v) {
        return v == null ? 0 : v;
    }

    private static double zeroD(Double v) {
        return v == null ? 0 : v;
    }
}
