package dev.nodepulse.procfs.sys.tape;

/**
 * /sys/class/scsi_tape/st&lt;N&gt;/stats: counters of one tape drive (times in nanoseconds). Unsigned 64-bit
 * values held in longs; a file the kernel does not provide reads as 0.
 */
public record TapeStats(String name, long inFlight, long ioNs, long otherCount, long readBytes, long readCount,
                        long readNs, long residualCount, long writeBytes, long writeCount, long writeNs) {}
