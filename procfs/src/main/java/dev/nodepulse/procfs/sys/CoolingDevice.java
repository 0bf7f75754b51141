package dev.nodepulse.procfs.sys;

/** /sys/class/thermal/cooling_deviceN: {@code name} is "N"; cur_state is -1 for some drivers (powerclamp). */
public record CoolingDevice(String name, String type, long maxState, long curState) {}
