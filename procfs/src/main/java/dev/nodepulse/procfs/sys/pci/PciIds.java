package dev.nodepulse.procfs.sys.pci;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Names from a pci.ids database (the format of https://pci-ids.ucw.cz): vendors, their devices and
 * subsystems, and device classes ("C" lines) with subclasses and programming interfaces. Lookups take IDs as
 * the collector prints them ("0x8086") and fall back to the bare hex ID, as node_exporter does. A file that
 * cannot be read gives an empty database, so every lookup falls back.
 */
public final class PciIds {

    /** Where node_exporter looks when no file is configured. */
    public static final List<String> DEFAULT_PATHS = List.of("/usr/share/misc/pci.ids", "/usr/share/hwdata/pci.ids");

    private final Map<String, String> vendors = new HashMap<>();
    private final Map<String, Map<String, String>> devices = new HashMap<>();
    private final Map<String, Map<String, String>> subsystems = new HashMap<>();
    private final Map<String, String> classes = new HashMap<>();
    private final Map<String, String> subclasses = new HashMap<>();
    private final Map<String, String> progIfs = new HashMap<>();

    private PciIds() {}

    /** @param file the configured file, or "" for the default locations */
    public static PciIds load(String file) {
        PciIds ids = new PciIds();
        List<String> candidates = file.isEmpty() ? DEFAULT_PATHS : List.of(file);
        for (String c : candidates) {
            try {
                ids.parse(new String(Files.readAllBytes(Path.of(c)), StandardCharsets.UTF_8));
                break;
            } catch (IOException e) {
                // try the next location; none readable leaves the database empty
            }
        }
        return ids;
    }

    /** A database from the text of a pci.ids file. */
    public static PciIds of(String text) {
        PciIds ids = new PciIds();
        ids.parse(text);
        return ids;
    }

    private void parse(String text) {
        String vendor = "";
        String device = "";
        String baseClass = "";
        String subclass = "";
        boolean inClasses = false;
        for (String line : text.split("\n")) {
            if (line.endsWith("\r")) {
                line = line.substring(0, line.length() - 1);
            }
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            boolean one = line.startsWith("\t") && !line.startsWith("\t\t");
            boolean two = line.startsWith("\t\t") && !line.startsWith("\t\t\t");
            if (line.startsWith("C ")) {
                String[] p = line.split("  ", 2);
                if (p.length == 2) {
                    baseClass = p[0].substring(1).strip();
                    classes.put(baseClass, p[1].strip());
                    inClasses = true;
                }
                continue;
            }
            if (one && inClasses) {
                String[] p = line.substring(1).split("  ", 2);
                if (p.length == 2 && !baseClass.isEmpty()) {
                    subclass = baseClass + p[0].strip();
                    subclasses.put(subclass, p[1].strip());
                }
                continue;
            }
            if (two && inClasses) {
                String[] p = line.substring(2).split("  ", 2);
                if (p.length == 2 && !subclass.isEmpty()) {
                    progIfs.put(subclass + p[0].strip(), p[1].strip());
                }
                continue;
            }
            if (!line.startsWith("\t")) {
                String[] p = line.split("  ", 2);
                if (p.length == 2) {
                    vendor = p[0].strip();
                    vendors.put(vendor, p[1].strip());
                    device = "";
                    inClasses = false;
                }
                continue;
            }
            if (one) {
                String[] p = line.substring(1).split("  ", 2);
                if (p.length == 2 && !vendor.isEmpty()) {
                    device = p[0].strip();
                    devices.computeIfAbsent(vendor, k -> new HashMap<>()).put(device, p[1].strip());
                }
                continue;
            }
            if (line.startsWith("\t\t")) {
                String[] p = line.substring(2).split("  ", 2);
                if (p.length == 2 && !vendor.isEmpty() && !device.isEmpty()) {
                    Map<String, String> m = subsystems.computeIfAbsent(vendor + ":" + device, k -> new HashMap<>());
                    String[] ids = dev.nodepulse.procfs.io.Lines.fields(p[0].strip());
                    if (ids.length == 2) {
                        m.put(ids[0] + ":" + ids[1], p[1].strip());
                    }
                }
            }
        }
    }

    public String vendorName(String vendorId) {
        String id = bare(vendorId).toLowerCase(java.util.Locale.ROOT);
        return vendors.getOrDefault(id, id);
    }

    public String deviceName(String vendorId, String deviceId) {
        String v = bare(vendorId).toLowerCase(java.util.Locale.ROOT);
        String d = bare(deviceId).toLowerCase(java.util.Locale.ROOT);
        Map<String, String> m = devices.get(v);
        return m != null && m.containsKey(d) ? m.get(d) : d;
    }

    public String subsystemName(String vendorId, String deviceId, String subVendorId, String subDeviceId) {
        Map<String, String> m = subsystems.get(bare(vendorId) + ":" + bare(deviceId));
        String key = bare(subVendorId) + ":" + bare(subDeviceId);
        return m != null && m.containsKey(key) ? m.get(key) : bare(subDeviceId);
    }

    public String className(String classId) {
        String id = bare(classId).toLowerCase(java.util.Locale.ROOT);
        if (id.length() >= 6 && progIfs.containsKey(id.substring(0, 6))) {
            return progIfs.get(id.substring(0, 6));
        }
        if (id.length() >= 4 && subclasses.containsKey(id.substring(0, 4))) {
            return subclasses.get(id.substring(0, 4));
        }
        if (id.length() >= 2 && classes.containsKey(id.substring(0, 2))) {
            return classes.get(id.substring(0, 2));
        }
        return "Unknown class (" + id + ")";
    }

    private static String bare(String id) {
        return id.startsWith("0x") ? id.substring(2) : id;
    }
}
