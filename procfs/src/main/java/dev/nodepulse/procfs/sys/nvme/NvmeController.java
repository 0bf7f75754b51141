package dev.nodepulse.procfs.sys.nvme;

import java.util.List;

/** /sys/class/nvme/&lt;device&gt;: identity attributes and namespaces. */
public record NvmeController(String name, String firmwareRevision, String model, String serial, String state,
                             String controllerId, List<Namespace> namespaces) {

    /**
     * A namespace directory (nvme0n1 gives id "1"). Sizes are the kernel's block counts times the logical
     * block size, as unsigned 64-bit values held in longs; {@code anaState} is "unknown" without ANA.
     */
    public record Namespace(String id, String anaState, long usedBytes, long sizeBytes, long capacityBytes,
                            long logicalBlockSize) {}
}
