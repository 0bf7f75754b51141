package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.xfs.XfsReader;
import dev.nodepulse.procfs.sys.xfs.XfsStats;

/** Per-filesystem XFS counters from /sys/fs/xfs/&lt;device&gt;/stats/stats. */
public final class XfsCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("xfs", true, ctx -> new XfsCollector(ctx.paths()));

    private final HostPaths paths;

    public XfsCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        for (XfsStats s : XfsReader.read(paths.sys("fs", "xfs"))) {
            String d = s.device();
            long[] ea = s.extentAllocation();
            add(sink, "extent_allocation_extents_allocated_total", "Number of extents allocated for a filesystem.", ea[0], d);
            add(sink, "extent_allocation_blocks_allocated_total", "Number of blocks allocated for a filesystem.", ea[1], d);
            add(sink, "extent_allocation_extents_freed_total", "Number of extents freed for a filesystem.", ea[2], d);
            add(sink, "extent_allocation_blocks_freed_total", "Number of blocks freed for a filesystem.", ea[3], d);
            long[] abt = s.allocationBtree();
            add(sink, "allocation_btree_lookups_total", "Number of allocation B-tree lookups for a filesystem.", abt[0], d);
            add(sink, "allocation_btree_compares_total", "Number of allocation B-tree compares for a filesystem.", abt[1], d);
            add(sink, "allocation_btree_records_inserted_total",
                    "Number of allocation B-tree records inserted for a filesystem.", abt[2], d);
            add(sink, "allocation_btree_records_deleted_total",
                    "Number of allocation B-tree records deleted for a filesystem.", abt[3], d);
            long[] bm = s.blockMapping();
            add(sink, "block_mapping_reads_total", "Number of block map for read operations for a filesystem.", bm[0], d);
            add(sink, "block_mapping_writes_total", "Number of block map for write operations for a filesystem.", bm[1], d);
            add(sink, "block_mapping_unmaps_total", "Number of block unmaps (deletes) for a filesystem.", bm[2], d);
            add(sink, "block_mapping_extent_list_insertions_total", "Number of extent list insertions for a filesystem.",
                    bm[3], d);
            add(sink, "block_mapping_extent_list_deletions_total", "Number of extent list deletions for a filesystem.",
                    bm[4], d);
            add(sink, "block_mapping_extent_list_lookups_total", "Number of extent list lookups for a filesystem.",
                    bm[5], d);
            add(sink, "block_mapping_extent_list_compares_total", "Number of extent list compares for a filesystem.",
                    bm[6], d);
            long[] bmbt = s.blockMapBtree();
            add(sink, "block_map_btree_lookups_total", "Number of block map B-tree lookups for a filesystem.", bmbt[0], d);
            add(sink, "block_map_btree_compares_total", "Number of block map B-tree compares for a filesystem.", bmbt[1], d);
            add(sink, "block_map_btree_records_inserted_total",
                    "Number of block map B-tree records inserted for a filesystem.", bmbt[2], d);
            add(sink, "block_map_btree_records_deleted_total",
                    "Number of block map B-tree records deleted for a filesystem.", bmbt[3], d);
            long[] dir = s.directoryOperation();
            add(sink, "directory_operation_lookup_total", "Number of file name directory lookups which miss the "
                    + "operating systems directory name lookup cache.", dir[0], d);
            add(sink, "directory_operation_create_total",
                    "Number of times a new directory entry was created for a filesystem.", dir[1], d);
            add(sink, "directory_operation_remove_total",
                    "Number of times an existing directory entry was created for a filesystem.", dir[2], d);
            add(sink, "directory_operation_getdents_total",
                    "Number of times the directory getdents operation was performed for a filesystem.", dir[3], d);
            long[] ig = s.inodeOperation();
            add(sink, "inode_operation_attempts_total",
                    "Number of times the OS looked for an XFS inode in the inode cache.", ig[0], d);
            add(sink, "inode_operation_found_total",
                    "Number of times the OS looked for and found an XFS inode in the inode cache.", ig[1], d);
            add(sink, "inode_operation_recycled_total", "Number of times the OS found an XFS inode in the cache, but "
                    + "could not use it as it was being recycled.", ig[2], d);
            add(sink, "inode_operation_missed_total",
                    "Number of times the OS looked for an XFS inode in the cache, but did not find it.", ig[3], d);
            add(sink, "inode_operation_duplicates_total", "Number of times the OS tried to add a missing XFS inode to "
                    + "the inode cache, but found it had already been added by another process.", ig[4], d);
            add(sink, "inode_operation_reclaims_total", "Number of times the OS reclaimed an XFS inode from the inode "
                    + "cache to free memory for another purpose.", ig[5], d);
            add(sink, "inode_operation_attribute_changes_total",
                    "Number of times the OS explicitly changed the attributes of an XFS inode.", ig[6], d);
            long[] rw = s.readWrite();
            add(sink, "read_calls_total", "Number of read(2) system calls made to files in a filesystem.", rw[1], d);
            add(sink, "write_calls_total", "Number of write(2) system calls made to files in a filesystem.", rw[0], d);
            long[] vn = s.vnode();
            add(sink, "vnode_active_total", "Number of vnodes not on free lists for a filesystem.", vn[0], d);
            add(sink, "vnode_allocate_total", "Number of times vn_alloc called for a filesystem.", vn[1], d);
            add(sink, "vnode_get_total", "Number of times vn_get called for a filesystem.", vn[2], d);
            add(sink, "vnode_hold_total", "Number of times vn_hold called for a filesystem.", vn[3], d);
            add(sink, "vnode_release_total", "Number of times vn_rele called for a filesystem.", vn[4], d);
            add(sink, "vnode_reclaim_total", "Number of times vn_reclaim called for a filesystem.", vn[5], d);
            add(sink, "vnode_remove_total", "Number of times vn_remove called for a filesystem.", vn[6], d);
        }
    }

    private static void add(MetricSink sink, String name, String help, long value, String device) {
        sink.counter("node_xfs_" + name, help, "device").add(value, device);
    }
}
