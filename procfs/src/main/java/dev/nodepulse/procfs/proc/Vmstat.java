package dev.nodepulse.procfs.proc;

import java.util.List;

/** /proc/vmstat: every {@code name value} line, in file order. */
public record Vmstat(List<Entry> entries) {

    public record Entry(String name, double value) {}
}
