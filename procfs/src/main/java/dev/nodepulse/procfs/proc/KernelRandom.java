package dev.nodepulse.procfs.proc;

import java.util.OptionalLong;

/** /proc/sys/kernel/random: available entropy and pool size in bits; empty where the file does not exist. */
public record KernelRandom(OptionalLong entropyAvailBits, OptionalLong poolSizeBits) {}
