package dev.nodepulse.procfs.sys;

/** Whether one CPU is online, from /sys/devices/system/cpu/cpuN/online ({@code cpu} is "N"). */
public record CpuOnline(String cpu, boolean online) {}
