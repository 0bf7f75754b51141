package dev.nodepulse.procfs.proc.nfs;

/** How often one NFS procedure or operation was called; an unsigned 64-bit count held in a long. */
public record NfsProcedure(String name, long count) {}
