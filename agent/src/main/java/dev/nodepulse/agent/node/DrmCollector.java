package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.drm.AmdgpuCard;
import dev.nodepulse.procfs.sys.drm.DrmCardReader;

/**
 * amdgpu cards from /sys/class/drm/card&lt;N&gt;/device. Like node_exporter it never reports "no data": a host
 * without DRM cards, or with only other drivers' cards, gives a successful scrape with no samples.
 */
public final class DrmCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("drm", false, ctx -> new DrmCollector(ctx.paths()));

    /** The vendor label node_exporter gives every card it reports: it only reads amdgpu cards. */
    private static final String VENDOR = "amd";

    private final HostPaths paths;

    public DrmCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Family info = sink.gauge("node_drm_card_info", "Card information",
                "card", "memory_vendor", "power_performance_level", "unique_id", "vendor");
        Family busy = sink.gauge("node_drm_gpu_busy_percent", "How busy the GPU is as a percentage.", "card");
        Family gttSize = sink.gauge("node_drm_memory_gtt_size_bytes",
                "The size of the graphics translation table (GTT) block in bytes.", "card");
        Family gttUsed = sink.gauge("node_drm_memory_gtt_used_bytes",
                "The used amount of the graphics translation table (GTT) block in bytes.", "card");
        Family visSize = sink.gauge("node_drm_memory_vis_vram_size_bytes", "The size of visible VRAM in bytes.", "card");
        Family visUsed = sink.gauge("node_drm_memory_vis_vram_used_bytes",
                "The used amount of visible VRAM in bytes.", "card");
        Family vramSize = sink.gauge("node_drm_memory_vram_size_bytes", "The size of VRAM in bytes.", "card");
        Family vramUsed = sink.gauge("node_drm_memory_vram_used_bytes", "The used amount of VRAM in bytes.", "card");
        for (AmdgpuCard c : DrmCardReader.read(paths.sys("class", "drm"))) {
            info.add(1, c.name(), c.memoryVramVendor(), c.powerDpmForcePerformanceLevel(), c.uniqueId(), VENDOR);
            busy.add(Numbers.unsignedToDouble(c.gpuBusyPercent()), c.name());
            gttSize.add(Numbers.unsignedToDouble(c.memoryGttSize()), c.name());
            gttUsed.add(Numbers.unsignedToDouble(c.memoryGttUsed()), c.name());
            vramSize.add(Numbers.unsignedToDouble(c.memoryVramSize()), c.name());
            vramUsed.add(Numbers.unsignedToDouble(c.memoryVramUsed()), c.name());
            visSize.add(Numbers.unsignedToDouble(c.memoryVisibleVramSize()), c.name());
            visUsed.add(Numbers.unsignedToDouble(c.memoryVisibleVramUsed()), c.name());
        }
    }
}
