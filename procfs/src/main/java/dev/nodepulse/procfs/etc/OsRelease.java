package dev.nodepulse.procfs.etc;

import java.util.Map;

/** The variables of an os-release(5) file, unquoted and unescaped; a key given twice keeps its last value. */
public record OsRelease(Map<String, String> values) {

    public OsRelease {
        values = Map.copyOf(values);
    }

    /** The value of a key, "" when absent (as node_exporter labels it). */
    public String get(String key) {
        return values.getOrDefault(key, "");
    }

    public boolean has(String key) {
        return values.containsKey(key);
    }
}
