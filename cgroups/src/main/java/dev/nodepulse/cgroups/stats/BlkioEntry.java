package dev.nodepulse.cgroups.stats;

/** One "MAJ:MIN op value" cell of a block I/O table (v1 blkio.* files, v2 io.stat keys mapped to v1 ops). */
public record BlkioEntry(int major, int minor, String op, long value) {}
