package dev.nodepulse.procfs.proc;

/** A mounted btrfs filesystem: its source device and its mount point (\040 and \011 decoded). */
public record BtrfsMount(String device, String mountPoint) {}
