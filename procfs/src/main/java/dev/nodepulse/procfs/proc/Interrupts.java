package dev.nodepulse.procfs.proc;

import java.util.List;

/**
 * /proc/interrupts: one entry per interrupt line, in file order. {@code counts} are the per-CPU columns
 * as printed (one per CPU of the header). For numbered IRQs {@code info} is the chip column and
 * {@code devices} the rest of the line; for named ones (NMI, LOC, ...) {@code info} is the description
 * and {@code devices} is empty.
 */
public record Interrupts(List<Interrupt> interrupts) {

    public record Interrupt(String name, String info, String devices, List<String> counts) {}
}
