package dev.nodepulse.procfs.proc;

import java.util.List;

/** /proc/swaps: the active swap areas. Sizes are in KiB as the kernel prints them. */
public record Swaps(List<Area> areas) {

    /** {@code filename} as printed (the kernel escapes spaces as \040; left as is, like upstream). */
    public record Area(String filename, String type, long sizeKib, long usedKib, int priority) {}
}
