package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.Sample;
import dev.nodepulse.metrics.text.TextFormatParser;
import dev.nodepulse.procfs.ParseException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * drm and nvmesubsystem on the fixture tree's sys/class/drm and sys/class/nvme-subsystem. The expected text is
 * what node_exporter 1.12.1 renders for that tree, worked out from its collectors and procfs 0.21.1: card1
 * (nvidia), renderD128 and the connector are not amdgpu cards; card2 lacks the visible-VRAM attributes, the
 * VRAM vendor and unique_id, which upstream publishes as 0 and ""; every path gets a sample per state, and
 * "deleting (no IO)" is published as "deleting".
 */
class GpuAndNvmeSubsystemCollectorsTest {

    private static final String DRM = """
            # HELP node_drm_card_info Card information
            # TYPE node_drm_card_info gauge
            node_drm_card_info{card="card0",memory_vendor="micron",power_performance_level="manual",unique_id="9a1b2c3d4e5f6071",vendor="amd"} 1
            node_drm_card_info{card="card2",memory_vendor="",power_performance_level="auto",unique_id="",vendor="amd"} 1
            # HELP node_drm_gpu_busy_percent How busy the GPU is as a percentage.
            # TYPE node_drm_gpu_busy_percent gauge
            node_drm_gpu_busy_percent{card="card0"} 99
            node_drm_gpu_busy_percent{card="card2"} 0
            # HELP node_drm_memory_gtt_size_bytes The size of the graphics translation table (GTT) block in bytes.
            # TYPE node_drm_memory_gtt_size_bytes gauge
            node_drm_memory_gtt_size_bytes{card="card0"} 3.3554432e+10
            node_drm_memory_gtt_size_bytes{card="card2"} 1.6777216e+10
            # HELP node_drm_memory_gtt_used_bytes The used amount of the graphics translation table (GTT) block in bytes.
            # TYPE node_drm_memory_gtt_used_bytes gauge
            node_drm_memory_gtt_used_bytes{card="card0"} 5.2293632e+07
            node_drm_memory_gtt_used_bytes{card="card2"} 4.194304e+06
            # HELP node_drm_memory_vis_vram_size_bytes The size of visible VRAM in bytes.
            # TYPE node_drm_memory_vis_vram_size_bytes gauge
            node_drm_memory_vis_vram_size_bytes{card="card0"} 2.575302656e+10
            node_drm_memory_vis_vram_size_bytes{card="card2"} 0
            # HELP node_drm_memory_vis_vram_used_bytes The used amount of visible VRAM in bytes.
            # TYPE node_drm_memory_vis_vram_used_bytes gauge
            node_drm_memory_vis_vram_used_bytes{card="card0"} 2.147483648e+10
            node_drm_memory_vis_vram_used_bytes{card="card2"} 0
            # HELP node_drm_memory_vram_size_bytes The size of VRAM in bytes.
            # TYPE node_drm_memory_vram_size_bytes gauge
            node_drm_memory_vram_size_bytes{card="card0"} 2.575302656e+10
            node_drm_memory_vram_size_bytes{card="card2"} 5.36870912e+08
            # HELP node_drm_memory_vram_used_bytes The used amount of VRAM in bytes.
            # TYPE node_drm_memory_vram_used_bytes gauge
            node_drm_memory_vram_used_bytes{card="card0"} 2.147483648e+10
            node_drm_memory_vram_used_bytes{card="card2"} 1.048576e+08
            """;

    private static final String NVME_SUBSYSTEM = """
            # HELP node_nvmesubsystem_info Non-numeric information about an NVMe subsystem.
            # TYPE node_nvmesubsystem_info gauge
            node_nvmesubsystem_info{iopolicy="round-robin",model="NetApp ONTAP Controller",nqn="nqn.1992-08.com.netapp:sn.4c2b7a10d9e311eeb6f9d039ea1b2c3d:subsystem.k8s_pv",serial="81Kq2$WnOrUAAAAAAAAB",subsystem="nvme-subsys0"} 1
            # HELP node_nvmesubsystem_namespace_info Maps an NVMe namespace block device to its subsystem.
            # TYPE node_nvmesubsystem_namespace_info gauge
            node_nvmesubsystem_namespace_info{device="nvme2n1",subsystem="nvme-subsys0"} 1
            node_nvmesubsystem_namespace_info{device="nvme2n2",subsystem="nvme-subsys0"} 1
            # HELP node_nvmesubsystem_path_state Current NVMe controller path state (1 for the current state, 0 for all others).
            # TYPE node_nvmesubsystem_path_state gauge
            node_nvmesubsystem_path_state{controller="nvme2",state="connecting",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme2",state="dead",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme2",state="deleting",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme2",state="live",subsystem="nvme-subsys0",transport="tcp"} 1
            node_nvmesubsystem_path_state{controller="nvme2",state="new",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme2",state="resetting",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme2",state="unknown",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme3",state="connecting",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme3",state="dead",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme3",state="deleting",subsystem="nvme-subsys0",transport="tcp"} 1
            node_nvmesubsystem_path_state{controller="nvme3",state="live",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme3",state="new",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme3",state="resetting",subsystem="nvme-subsys0",transport="tcp"} 0
            node_nvmesubsystem_path_state{controller="nvme3",state="unknown",subsystem="nvme-subsys0",transport="tcp"} 0
            # HELP node_nvmesubsystem_paths Number of controller paths for an NVMe subsystem.
            # TYPE node_nvmesubsystem_paths gauge
            node_nvmesubsystem_paths{subsystem="nvme-subsys0"} 2
            # HELP node_nvmesubsystem_paths_live Number of controller paths in live state for an NVMe subsystem.
            # TYPE node_nvmesubsystem_paths_live gauge
            node_nvmesubsystem_paths_live{subsystem="nvme-subsys0"} 1
            """;

    @TempDir
    Path tmp;

    private static MetricSink scrape(String collector) throws Exception {
        return SinkValues.run(NodeFixtures.create(
                collector.equals("drm") ? DrmCollector.SPEC : NvmeSubsystemCollector.SPEC, NodeFixtures.paths()));
    }

    /** Family by family: name, HELP, type, and every sample's name, labels and value. */
    private static void assertSameFamilies(String expectedText, MetricSink sink) throws Exception {
        List<MetricFamily> expected = TextFormatParser.legacy().parse(expectedText);
        Rendered actual = Rendered.of(sink);
        assertEquals(expected.stream().map(MetricFamily::name).toList(),
                actual.families.stream().map(MetricFamily::name).toList(), actual.text);
        for (MetricFamily e : expected) {
            MetricFamily a = actual.get(e.name());
            assertEquals(e.help(), a.help(), e.name());
            assertEquals(e.kind(), a.kind(), e.name());
            assertEquals(samples(e), samples(a), e.name());
        }
    }

    private static Map<String, Double> samples(MetricFamily f) {
        Map<String, Double> out = new TreeMap<>();
        for (Sample s : f.samples()) {
            assertTrue(out.put(s.name() + new TreeMap<>(s.labels().toMap()), s.value()) == null, "repeated " + s);
        }
        return out;
    }

    @Test
    void drmPublishesTheAmdgpuCardsAsNodeExporterDoes() throws Exception {
        assertSameFamilies(DRM, scrape("drm"));
    }

    @Test
    void nvmeSubsystemPublishesPathStatesAsNodeExporterDoes() throws Exception {
        assertSameFamilies(NVME_SUBSYSTEM, scrape("nvmesubsystem"));
    }

    @Test
    void bothAreOffByDefault() throws Exception {
        FakeHost h = new FakeHost(tmp);
        var enabled = h.collectors();
        assertFalse(enabled.containsKey("drm"));
        assertFalse(enabled.containsKey("nvmesubsystem"));
        assertTrue(h.collectors("--collector.drm", "--collector.nvmesubsystem").keySet()
                .containsAll(List.of("drm", "nvmesubsystem")));
    }

    @Test
    void drmWithoutCardsOrWithOnlyOtherDriversSucceedsEmpty() throws Exception {
        FakeHost h = new FakeHost(tmp);
        assertTrue(Collectors.scrape(h, "drm").build().isEmpty(), "no class/drm: no series, no failure");
        h.attr("sys/class/drm/card0/device/uevent", "DRIVER=i915\nPCI_CLASS=30000")
                .attr("sys/class/drm/card0/device/gpu_busy_percent", "50");
        assertTrue(Collectors.scrape(h, "drm").build().isEmpty());
    }

    @Test
    void drmFailsOnAMalformedNumber() throws Exception {
        FakeHost h = new FakeHost(tmp).attr("sys/class/drm/card0/device/uevent", "DRIVER=amdgpu")
                .attr("sys/class/drm/card0/device/mem_info_vram_used", "lots");
        assertThrows(ParseException.class, () -> Collectors.scrape(h, "drm"));
    }

    @Test
    void nvmeSubsystemWithoutSourceOrWithAMissingAttributeHasNoData() throws Exception {
        FakeHost h = new FakeHost(tmp);
        assertThrows(NoDataException.class, () -> Collectors.scrape(h, "nvmesubsystem"));
        h.sysDir("class/nvme-subsystem");
        assertTrue(Collectors.scrape(h, "nvmesubsystem").build().isEmpty(), "an empty class directory succeeds");
        String s = "sys/class/nvme-subsystem/nvme-subsys1/";
        h.attr(s + "subsysnqn", "nqn.x").attr(s + "model", "m").attr(s + "serial", "1").attr(s + "iopolicy", "numa")
                .attr(s + "nvme0/state", "live").attr(s + "nvme0/transport", "pcie");
        // upstream wraps the missing nvme0/address in an error that still "is" ErrNotExist: no data, not failure
        assertThrows(NoDataException.class, () -> Collectors.scrape(h, "nvmesubsystem"));
        h.attr(s + "nvme0/address", "0000:01:00.0");
        Rendered r = Rendered.of(Collectors.scrape(h, "nvmesubsystem"));
        assertEquals(1, r.value("node_nvmesubsystem_paths_live", Map.of("subsystem", "nvme-subsys1")));
        assertFalse(r.family("node_nvmesubsystem_namespace_info").isPresent());
    }

    @Test
    void nvmeSubsystemFailsWhenTheClassPathIsNoDirectory() throws Exception {
        FakeHost h = new FakeHost(tmp);
        Files.createDirectories(h.path("sys/class"));
        Files.writeString(h.path("sys/class/nvme-subsystem"), "");
        Exception e = assertThrows(Exception.class, () -> Collectors.scrape(h, "nvmesubsystem"));
        assertFalse(e instanceof NoDataException, e.toString());
    }

    @Test
    void unknownKernelStatesArePublishedAsUnknown() {
        assertEquals("deleting", NvmeSubsystemCollector.publishedState("deleting (no IO)"));
        assertEquals("unknown", NvmeSubsystemCollector.publishedState(""));
        assertEquals("unknown", NvmeSubsystemCollector.publishedState("Live"));
        List<String> published = new ArrayList<>(NvmeSubsystemCollector.STATES.values());
        published.add("unknown");
        assertEquals(published.stream().distinct().sorted().toList(), NvmeSubsystemCollector.PUBLISHED_STATES);
    }
}
