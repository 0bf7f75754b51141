package dev.nodepulse.procfs.proc;

/** One "key:value" word of /proc/drbd, with the device ("drbd1") whose "1:" header preceded it. */
public record DrbdField(String device, String key, String value) {}
