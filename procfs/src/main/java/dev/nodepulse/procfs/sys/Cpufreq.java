package dev.nodepulse.procfs.sys;

import java.util.OptionalLong;

/**
 * One CPU's /sys/devices/system/cpu/cpuN/cpufreq. Frequencies are in kHz as the kernel prints them; an
 * attribute the driver does not offer or only root may read is empty. {@code cpu} is "N".
 */
public record Cpufreq(
        String cpu,
        OptionalLong cpuinfoCurKHz,
        OptionalLong cpuinfoAvgKHz,
        OptionalLong cpuinfoMinKHz,
        OptionalLong cpuinfoMaxKHz,
        OptionalLong cpuinfoTransitionLatencyNs,
        OptionalLong scalingCurKHz,
        OptionalLong scalingMinKHz,
        OptionalLong scalingMaxKHz,
        String availableGovernors,
        String driver,
        String governor,
        String relatedCpus,
        String setSpeed) {}
