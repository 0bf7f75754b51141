package dev.nodepulse.procfs.proc.nfs;

import java.util.List;

/**
 * /proc/net/rpc/nfs. Procedure lists keep the kernel's order, named as node_exporter names them; a line the
 * kernel did not print leaves its numbers at zero (the procedure lists then hold zeros too), as in procfs.
 */
public record NfsClientStats(NfsNetwork network, long rpcCount, long retransmissions, long authRefreshes,
                             List<NfsProcedure> v2, List<NfsProcedure> v3, List<NfsProcedure> v4) {}
