package dev.nodepulse.procfs.sys.nvme;

import java.util.List;

/**
 * /sys/class/nvme-subsystem/nvme-subsys&lt;N&gt;: identity, multipath I/O policy, the controllers (paths) that
 * reach it and the namespace block devices it exposes, both in directory order.
 */
public record NvmeSubsystem(String name, String nqn, String model, String serial, String ioPolicy,
                            List<Controller> controllers, List<String> namespaces) {

    /** One path to the subsystem: nvme&lt;C&gt; with its state as the kernel words it ("live", "deleting (no IO)", ...). */
    public record Controller(String name, String state, String transport, String address) {}
}
