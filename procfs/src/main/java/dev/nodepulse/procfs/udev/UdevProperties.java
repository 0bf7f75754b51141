package dev.nodepulse.procfs.udev;

import java.util.Map;

/**
 * The {@code E:KEY=value} properties of one device in the udev database (/run/udev/data/b&lt;major&gt;:&lt;minor&gt;
 * for block devices). A key udev did not record reads as "", as node_exporter's labels treat it.
 */
public record UdevProperties(Map<String, String> properties) {

    public static final UdevProperties NONE = new UdevProperties(Map.of());

    public UdevProperties {
        properties = Map.copyOf(properties);
    }

    public String get(String key) {
        return properties.getOrDefault(key, "");
    }

    public boolean has(String key) {
        return properties.containsKey(key);
    }
}
