package dev.nodepulse.procfs.proc;

/** /proc/sys/fs/file-nr: allocated file handles and the system-wide maximum (the unused middle value is 0). */
public record FileNr(double allocated, double maximum) {}
