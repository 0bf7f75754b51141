package dev.nodepulse.procfs.proc;

/**
 * One CPU's row of /proc/net/stat/nf_conntrack, the counters node_exporter publishes. search_restart is 0
 * on kernels before 2.6.35, which print 16 columns instead of 17.
 */
public record ConntrackStat(long entries, long searched, long found, long created, long invalid, long ignore,
                            long delete, long deleteList, long insert, long insertFailed, long drop,
                            long earlyDrop, long searchRestart) {}
