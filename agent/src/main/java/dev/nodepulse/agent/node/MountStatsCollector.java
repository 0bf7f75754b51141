package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.nfs.MountStats;
import dev.nodepulse.procfs.nfs.MountStatsParser;
import dev.nodepulse.procfs.proc.MountInfo;
import dev.nodepulse.procfs.proc.MountinfoParser;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * NFS client statistics per mount from /proc/self/mountstats (node_mountstats_nfs_*). The server address
 * comes from the {@code addr=} super option of the mountinfo line at the same position. Mounts of the same
 * export, protocol and server share their counters in the kernel, so like node_exporter only the first of
 * them is published; each mount point still gets its info series.
 */
public final class MountStatsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("mountstats", false,
            ctx -> new MountStatsCollector(ctx.paths()));

    private static final Log LOG = Log.get(MountStatsCollector.class);

    /** 2^53: node_exporter folds millisecond and idle-time counters into float64's exact integer range. */
    private static final long FLOAT64_MANTISSA = 1L << 53;

    private static final String P = "node_mountstats_nfs_";
    private static final String[] LABELS = {"export", "protocol", "mountaddr"};
    private static final String[] TRANSPORT_LABELS = {"export", "protocol", "mountaddr", "transport"};
    private static final String[] OP_LABELS = {"export", "protocol", "mountaddr", "operation"};

    private final HostPaths paths;

    public MountStatsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        MountStats stats;
        try {
            stats = MountStatsParser.parse(SmallFiles.read(paths.proc("self", "mountstats")));
        } catch (java.io.IOException e) {
            throw new java.io.IOException("failed to parse mountstats: " + e.getMessage(), e);
        }
        List<MountInfo> mountInfo;
        try {
            Path file = paths.proc("self", "mountinfo");
            mountInfo = MountinfoParser.parse(SmallFiles.read(file), file.toString());
        } catch (java.io.IOException e) {
            throw new java.io.IOException("failed to parse mountinfo: " + e.getMessage(), e);
        }

        record Device(String device, String protocol, String address) {}
        record MountPoint(Device device, String mountPoint) {}
        Set<Device> devices = new HashSet<>();
        Set<MountPoint> mountPoints = new HashSet<>();
        List<MountStats.Mount> mounts = stats.mounts();
        for (int i = 0; i < mounts.size(); i++) {
            MountStats.Mount m = mounts.get(i);
            if (m.nfs() == null) {
                continue;
            }
            String address = "";
            if (i < mountInfo.size()) {
                address = mountInfo.get(i).superOptionMap().getOrDefault("addr", "");
            }
            for (MountStats.Transport t : m.nfs().transports()) {
                Device d = new Device(m.device(), t.protocol(), address);
                if (mountPoints.add(new MountPoint(d, m.mountPoint()))) {
                    sink.gauge(P + "mountpoint_info", "Info metric for an NFS mountpoint.",
                            "export", "protocol", "mountaddr", "mountpoint").add(1, m.device(), t.protocol(), address,
                            m.mountPoint());
                }
                if (!devices.add(d)) {
                    LOG.debug("Skipping duplicate device entry", "device", d);
                    break;
                }
                publish(sink, m.nfs(), m.device(), t.protocol(), address);
            }
        }
    }

    private static void publish(MetricSink sink, MountStats.Nfs s, String export, String protocol, String address) {
        String[] l = {export, protocol, address};
        counter(sink, "age_seconds_total", "The age of the NFS mount in seconds.", s.ageSeconds(), l);

        MountStats.Bytes b = s.bytes();
        counter(sink, "read_bytes_total", "Number of bytes read using the read() syscall.", u(b.read()), l);
        counter(sink, "write_bytes_total", "Number of bytes written using the write() syscall.", u(b.write()), l);
        counter(sink, "direct_read_bytes_total", "Number of bytes read using the read() syscall in O_DIRECT mode.",
                u(b.directRead()), l);
        counter(sink, "direct_write_bytes_total",
                "Number of bytes written using the write() syscall in O_DIRECT mode.", u(b.directWrite()), l);
        counter(sink, "total_read_bytes_total", "Number of bytes read from the NFS server, in total.",
                u(b.readTotal()), l);
        counter(sink, "total_write_bytes_total", "Number of bytes written to the NFS server, in total.",
                u(b.writeTotal()), l);
        counter(sink, "read_pages_total", "Number of pages read directly via mmap()'d files.", u(b.readPages()), l);
        counter(sink, "write_pages_total", "Number of pages written directly via mmap()'d files.",
                u(b.writePages()), l);

        List<MountStats.Transport> transports = s.transports();
        for (int i = 0; i < transports.size(); i++) {
            MountStats.Transport t = transports.get(i);
            String[] tl = {export, protocol, address, Integer.toString(i)};
            transport(sink, "transport_bind_total", true,
                    "Number of times the client has had to establish a connection from scratch to the NFS server.",
                    u(t.bind()), tl);
            transport(sink, "transport_connect_total", true,
                    "Number of times the client has made a TCP connection to the NFS server.", u(t.connect()), tl);
            transport(sink, "transport_idle_time_seconds", false,
                    "Duration since the NFS mount last saw any RPC traffic, in seconds.",
                    u(Long.remainderUnsigned(t.idleTimeSeconds(), FLOAT64_MANTISSA)), tl);
            transport(sink, "transport_sends_total", true,
                    "Number of RPC requests for this mount sent to the NFS server.", u(t.sends()), tl);
            transport(sink, "transport_receives_total", true,
                    "Number of RPC responses for this mount received from the NFS server.", u(t.receives()), tl);
            transport(sink, "transport_bad_transaction_ids_total", true,
                    "Number of times the NFS server sent a response with a transaction ID unknown to this client.",
                    u(t.badTransactionIds()), tl);
            transport(sink, "transport_backlog_queue_total", true,
                    "Total number of items added to the RPC backlog queue.", u(t.cumulativeBacklog()), tl);
            transport(sink, "transport_maximum_rpc_slots", false,
                    "Maximum number of simultaneously active RPC requests ever used.", u(t.maximumRpcSlotsUsed()), tl);
            transport(sink, "transport_sending_queue_total", true,
                    "Total number of items added to the RPC transmission sending queue.",
                    u(t.cumulativeSendingQueue()), tl);
            transport(sink, "transport_pending_queue_total", true,
                    "Total number of items added to the RPC transmission pending queue.",
                    u(t.cumulativePendingQueue()), tl);
        }

        for (MountStats.Operation op : s.operations()) {
            String[] ol = {export, protocol, address, op.name()};
            operation(sink, "operations_requests_total", "Number of requests performed for a given operation.",
                    u(op.requests()), ol);
            operation(sink, "operations_transmissions_total",
                    "Number of times an actual RPC request has been transmitted for a given operation.",
                    u(op.transmissions()), ol);
            operation(sink, "operations_major_timeouts_total",
                    "Number of times a request has had a major timeout for a given operation.",
                    u(op.majorTimeouts()), ol);
            operation(sink, "operations_sent_bytes_total",
                    "Number of bytes sent for a given operation, including RPC headers and payload.",
                    u(op.bytesSent()), ol);
            operation(sink, "operations_received_bytes_total",
                    "Number of bytes received for a given operation, including RPC headers and payload.",
                    u(op.bytesReceived()), ol);
            operation(sink, "operations_queue_time_seconds_total",
                    "Duration all requests spent queued for transmission for a given operation before they were sent, in seconds.",
                    millis(op.queueMilliseconds()), ol);
            operation(sink, "operations_response_time_seconds_total",
                    "Duration all requests took to get a reply back after a request for a given operation was transmitted, in seconds.",
                    millis(op.responseMilliseconds()), ol);
            operation(sink, "operations_request_time_seconds_total",
                    "Duration all requests took from when a request was enqueued to when it was completely handled for a given operation, in seconds.",
                    millis(op.requestMilliseconds()), ol);
        }

        MountStats.Events e = s.events();
        counter(sink, "event_inode_revalidate_total",
                "Number of times cached inode attributes are re-validated from the server.", u(e.inodeRevalidate()), l);
        counter(sink, "event_dnode_revalidate_total",
                "Number of times cached dentry nodes are re-validated from the server.", u(e.dnodeRevalidate()), l);
        counter(sink, "event_data_invalidate_total", "Number of times an inode cache is cleared.",
                u(e.dataInvalidate()), l);
        counter(sink, "event_attribute_invalidate_total", "Number of times cached inode attributes are invalidated.",
                u(e.attributeInvalidate()), l);
        // node_exporter gives vfs_open the attribute-invalidate text; HELP is interface, so it is kept.
        counter(sink, "event_vfs_open_total", "Number of times cached inode attributes are invalidated.",
                u(e.vfsOpen()), l);
        counter(sink, "event_vfs_lookup_total", "Number of times a directory lookup has occurred.",
                u(e.vfsLookup()), l);
        counter(sink, "event_vfs_access_total", "Number of times permissions have been checked.",
                u(e.vfsAccess()), l);
        counter(sink, "event_vfs_update_page_total", "Number of updates (and potential writes) to pages.",
                u(e.vfsUpdatePage()), l);
        counter(sink, "event_vfs_read_page_total", "Number of pages read directly via mmap()'d files.",
                u(e.vfsReadPage()), l);
        counter(sink, "event_vfs_read_pages_total", "Number of times a group of pages have been read.",
                u(e.vfsReadPages()), l);
        counter(sink, "event_vfs_write_page_total", "Number of pages written directly via mmap()'d files.",
                u(e.vfsWritePage()), l);
        counter(sink, "event_vfs_write_pages_total", "Number of times a group of pages have been written.",
                u(e.vfsWritePages()), l);
        counter(sink, "event_vfs_getdents_total",
                "Number of times directory entries have been read with getdents().", u(e.vfsGetdents()), l);
        // Upstream's setattr HELP repeats the getdents text; kept for the same reason.
        counter(sink, "event_vfs_setattr_total",
                "Number of times directory entries have been read with getdents().", u(e.vfsSetattr()), l);
        counter(sink, "event_vfs_flush_total",
                "Number of pending writes that have been forcefully flushed to the server.", u(e.vfsFlush()), l);
        counter(sink, "event_vfs_fsync_total", "Number of times fsync() has been called on directories and files.",
                u(e.vfsFsync()), l);
        counter(sink, "event_vfs_lock_total", "Number of times locking has been attempted on a file.",
                u(e.vfsLock()), l);
        counter(sink, "event_vfs_file_release_total", "Number of times files have been closed and released.",
                u(e.vfsFileRelease()), l);
        counter(sink, "event_truncation_total", "Number of times files have been truncated.", u(e.truncation()), l);
        counter(sink, "event_write_extension_total",
                "Number of times a file has been grown due to writes beyond its existing end.",
                u(e.writeExtension()), l);
        counter(sink, "event_silly_rename_total",
                "Number of times a file was removed while still open by another process.", u(e.sillyRename()), l);
        counter(sink, "event_short_read_total",
                "Number of times the NFS server gave less data than expected while reading.", u(e.shortRead()), l);
        counter(sink, "event_short_write_total",
                "Number of times the NFS server wrote less data than expected while writing.", u(e.shortWrite()), l);
        counter(sink, "event_jukebox_delay_total",
                "Number of times the NFS server indicated EJUKEBOX; retrieving data from offline storage.",
                u(e.jukeboxDelay()), l);
        counter(sink, "event_pnfs_read_total", "Number of NFS v4.1+ pNFS reads.", u(e.pnfsRead()), l);
        counter(sink, "event_pnfs_write_total", "Number of NFS v4.1+ pNFS writes.", u(e.pnfsWrite()), l);
    }

    private static void counter(MetricSink sink, String name, String help, double v, String[] labels) {
        sink.counter(P + name, help, LABELS).add(v, labels);
    }

    private static void transport(MetricSink sink, String name, boolean counter, String help, double v,
                                  String[] labels) {
        (counter ? sink.counter(P + name, help, TRANSPORT_LABELS) : sink.gauge(P + name, help, TRANSPORT_LABELS))
                .add(v, labels);
    }

    private static void operation(MetricSink sink, String name, String help, double v, String[] labels) {
        sink.counter(P + name, help, OP_LABELS).add(v, labels);
    }

    private static double u(long v) {
        return Numbers.unsignedToDouble(v);
    }

    private static double millis(long v) {
        return (double) Long.remainderUnsigned(v, FLOAT64_MANTISSA) / 1000.0;
    }
}
