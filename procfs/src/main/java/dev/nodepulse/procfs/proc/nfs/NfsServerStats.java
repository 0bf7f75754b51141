package dev.nodepulse.procfs.proc.nfs;

import java.util.List;

/**
 * /proc/net/rpc/nfsd. Lines the kernel did not print leave their numbers at zero, as in procfs.
 * {@code v4Operations} is the "proc4ops" line (per COMPOUND operation), named as node_exporter names them.
 */
public record NfsServerStats(long replyCacheHits, long replyCacheMisses, long replyCacheNoCache,
                             long fileHandlesStale, long bytesRead, long bytesWritten, long threads,
                             long readAheadCacheSize, long readAheadCacheNotFound, NfsNetwork network,
                             long rpcCount, long rpcBadCount, long rpcBadFormat, long rpcBadAuth,
                             long rpcBadClient, List<NfsProcedure> v2, List<NfsProcedure> v3,
                             List<NfsProcedure> v4Operations, long wdelegGetattr) {}
