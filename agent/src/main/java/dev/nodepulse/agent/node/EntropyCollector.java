package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.proc.KernelRandom;
import dev.nodepulse.procfs.proc.KernelRandomReader;
import java.io.IOException;

/** Available entropy and pool size of the kernel's random number generator. */
public final class EntropyCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("entropy", true,
            ctx -> new EntropyCollector(ctx.paths()));

    private final HostPaths paths;

    public EntropyCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        KernelRandom r;
        try {
            r = KernelRandomReader.read(paths.procfs());
        } catch (IOException e) {
            throw new IOException("failed to get kernel random stats: " + e.getMessage(), e);
        }
        if (r.entropyAvailBits().isEmpty()) {
            throw new IOException("couldn't get entropy_avail");
        }
        sink.gauge("node_entropy_available_bits", "Bits of available entropy.").add(r.entropyAvailBits().getAsLong());
        if (r.poolSizeBits().isEmpty()) {
            throw new IOException("couldn't get entropy poolsize");
        }
        sink.gauge("node_entropy_pool_size_bits", "Bits of entropy pool.").add(r.poolSizeBits().getAsLong());
    }
}
