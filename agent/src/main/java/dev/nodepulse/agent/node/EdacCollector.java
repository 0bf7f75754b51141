package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.sys.edac.EdacController;
import dev.nodepulse.procfs.sys.edac.EdacReader;

/**
 * Memory error counters of the EDAC memory controllers. Errors a controller could not attribute to a csrow
 * are published with csrow="unknown", as node_exporter does.
 */
public final class EdacCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("edac", true, ctx -> new EdacCollector(ctx.paths()));

    private final HostPaths paths;

    public EdacCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Family ce = sink.counter("node_edac_correctable_errors_total", "Total correctable memory errors.", "controller");
        Family ue = sink.counter("node_edac_uncorrectable_errors_total", "Total uncorrectable memory errors.",
                "controller");
        Family rowCe = sink.counter("node_edac_csrow_correctable_errors_total",
                "Total correctable memory errors for this csrow.", "controller", "csrow");
        Family rowUe = sink.counter("node_edac_csrow_uncorrectable_errors_total",
                "Total uncorrectable memory errors for this csrow.", "controller", "csrow");
        Family chCe = sink.counter("node_edac_channel_correctable_errors_total",
                "Total correctable memory errors for this channel.", "controller", "csrow", "channel", "dimm_label");
        Family chUe = sink.counter("node_edac_channel_uncorrectable_errors_total",
                "Total uncorrectable memory errors for this channel.", "controller", "csrow", "channel", "dimm_label");
        for (EdacController c : EdacReader.read(paths.sys("devices", "system", "edac", "mc"))) {
            ce.add(u(c.correctable()), c.number());
            rowCe.add(u(c.correctableNoInfo()), c.number(), "unknown");
            ue.add(u(c.uncorrectable()), c.number());
            rowUe.add(u(c.uncorrectableNoInfo()), c.number(), "unknown");
            for (EdacController.Csrow row : c.csrows()) {
                rowCe.add(u(row.correctable()), c.number(), row.number());
                rowUe.add(u(row.uncorrectable()), c.number(), row.number());
                for (EdacController.Channel ch : row.channels()) {
                    chCe.add(u(ch.correctable()), c.number(), row.number(), ch.number(), ch.dimmLabel());
                    if (ch.uncorrectable() != null) {
                        chUe.add(u(ch.uncorrectable()), c.number(), row.number(), ch.number(), ch.dimmLabel());
                    }
                }
            }
        }
    }

    private static double u(long v) {
        return Numbers.unsignedToDouble(v);
    }
}
