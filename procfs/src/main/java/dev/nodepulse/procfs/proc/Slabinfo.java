package dev.nodepulse.procfs.proc;

import java.util.List;

/** /proc/slabinfo (version 2.1), one entry per cache in file order. */
public record Slabinfo(List<Slab> slabs) {

    public record Slab(String name, long activeObjects, long objects, long objectSize, long objectsPerSlab,
                       long pagesPerSlab, long limit, long batch, long sharedFactor, long activeSlabs,
                       long slabs, long sharedAvailable) {}
}
