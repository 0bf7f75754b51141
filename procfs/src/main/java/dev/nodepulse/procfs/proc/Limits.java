package dev.nodepulse.procfs.proc;

import java.util.Map;

/** /proc/[pid]/limits: soft limits by name ("Max open files"); -1 stands for "unlimited". */
public record Limits(Map<String, Long> soft) {

    public long soft(String name, long fallback) {
        return soft.getOrDefault(name, fallback);
    }
}
