package dev.nodepulse.procfs.proc;

/**
 * One interface of /proc/net/dev. The kernel prints sums here (dev_seq_printf_stats): {@code rxDropped}
 * includes missed errors, {@code rxFrame} length, over, CRC and frame errors, {@code txCarrier} carrier,
 * aborted, window and heartbeat errors. Counters are unsigned 64-bit values in Java longs.
 */
public record NetDevLine(String name,
                         long rxBytes, long rxPackets, long rxErrors, long rxDropped, long rxFifo, long rxFrame,
                         long rxCompressed, long rxMulticast,
                         long txBytes, long txPackets, long txErrors, long txDropped, long txFifo, long txCollisions,
                         long txCarrier, long txCompressed) {
}
