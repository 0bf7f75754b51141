package dev.nodepulse.procfs.nfs;

import java.util.List;

/**
 * /proc/[pid]/mountstats: every mount in the order the kernel lists them (the same order as mountinfo),
 * with NFS statistics for the NFS mounts. Counters are the kernel's u64 values held in a long's bits;
 * read them with {@link Long#toUnsignedString} or {@code Numbers.unsignedToDouble}.
 */
public record MountStats(List<Mount> mounts) {

    /** One {@code device X mounted on Y with fstype Z} entry; {@code nfs} is null when it has no statistics. */
    public record Mount(String device, String mountPoint, String fsType, Nfs nfs) {}

    /** The statistics block of an NFS (v3 or v4) mount. */
    public record Nfs(String statVersion, java.util.Map<String, String> opts, double ageSeconds, Bytes bytes,
                      Events events, List<Operation> operations, List<Transport> transports) {}

    /** The {@code bytes:} line. */
    public record Bytes(long read, long write, long directRead, long directWrite, long readTotal,
                        long writeTotal, long readPages, long writePages) {}

    /** The 27 counters of the {@code events:} line, in the kernel's order. */
    public record Events(long inodeRevalidate, long dnodeRevalidate, long dataInvalidate,
                         long attributeInvalidate, long vfsOpen, long vfsLookup, long vfsAccess,
                         long vfsUpdatePage, long vfsReadPage, long vfsReadPages, long vfsWritePage,
                         long vfsWritePages, long vfsGetdents, long vfsSetattr, long vfsFlush, long vfsFsync,
                         long vfsLock, long vfsFileRelease, long congestionWait, long truncation,
                         long writeExtension, long sillyRename, long shortRead, long shortWrite,
                         long jukeboxDelay, long pnfsRead, long pnfsWrite) {}

    /** One line of the per-op statistics. {@code errors} is 0 on kernels that do not print it. */
    public record Operation(String name, long requests, long transmissions, long majorTimeouts, long bytesSent,
                            long bytesReceived, long queueMilliseconds, long responseMilliseconds,
                            long requestMilliseconds, long errors) {}

    /**
     * One {@code xprt:} line, fields laid out as for TCP: UDP has no connect counters or idle times (0
     * here), and statistics version 1.0 lacks the last three; RDMA-only counters are not kept.
     */
    public record Transport(String protocol, long port, long bind, long connect, long connectIdleTime,
                            long idleTimeSeconds, long sends, long receives, long badTransactionIds,
                            long cumulativeActiveRequests, long cumulativeBacklog, long maximumRpcSlotsUsed,
                            long cumulativeSendingQueue, long cumulativePendingQueue) {}
}
