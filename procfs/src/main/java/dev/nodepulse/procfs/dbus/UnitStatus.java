package dev.nodepulse.procfs.dbus;

/** One entry of systemd's Manager.ListUnits reply, signature (ssssssouso). */
public record UnitStatus(String name, String description, String loadState, String activeState, String subState,
                         String followed, String path, long jobId, String jobType, String jobPath) {}
