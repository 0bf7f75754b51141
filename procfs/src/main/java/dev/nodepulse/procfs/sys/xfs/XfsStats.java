package dev.nodepulse.procfs.sys.xfs;

/**
 * The counter groups of an XFS stats file that node_exporter publishes. Each array holds a line's values in
 * the kernel's order (unsigned 32-bit counters widened to long); a line the file lacks gives zeros.
 * <ul>
 *   <li>extentAllocation: extents allocated, blocks allocated, extents freed, blocks freed ("extent_alloc")</li>
 *   <li>allocationBtree, blockMapBtree: lookups, compares, records inserted, records deleted ("abt", "bmbt")</li>
 *   <li>blockMapping: reads, writes, unmaps, extent list insertions, deletions, lookups, compares ("blk_map")</li>
 *   <li>directoryOperation: lookups, creates, removes, getdents ("dir")</li>
 *   <li>inodeOperation: attempts, found, recycled, missed, duplicates, reclaims, attribute changes ("ig")</li>
 *   <li>readWrite: write calls, read calls ("rw")</li>
 *   <li>vnode: active, allocate, get, hold, release, reclaim, remove[, free] ("vnodes")</li>
 * </ul>
 */
public record XfsStats(String device, long[] extentAllocation, long[] allocationBtree, long[] blockMapping,
                       long[] blockMapBtree, long[] directoryOperation, long[] inodeOperation, long[] readWrite,
                       long[] vnode) {}
