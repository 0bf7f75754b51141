package dev.nodepulse.procfs.proc.net;

/** One line of /proc/net/arp. */
public record ArpEntry(String ipAddress, String hwAddress, int flags, String device) {}
