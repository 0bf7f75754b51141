package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Hardware monitoring chips of /sys/class/hwmon. hwmonN numbers follow module load order and change between
 * boots, so chips are named after their device path instead (see {@link #chips}).
 */
public final class HwmonReader {

    /** The attribute families node_exporter reads; others ("name", "uevent", "power") are not sensors. */
    public static final Set<String> SENSOR_TYPES = Set.of(
            "vrm", "beep_enable", "update_interval", "in", "cpu", "fan", "pwm", "temp", "curr", "power", "energy",
            "humidity", "intrusion", "freq");

    private static final Pattern FILE_NAME = Pattern.compile("^([^0-9]+)([0-9]*)?(_(.+))?$");
    private static final Pattern INVALID_NAME_CHARS = Pattern.compile("[^a-z0-9:_]");

    private HwmonReader() {}

    /**
     * Every hwmon directory with its chip name. The name is "&lt;bus&gt;_&lt;device&gt;" of the resolved device
     * link ("platform_coretemp_0"), else the name file, else "hwmonN". Several hwmon devices can hang off one
     * parent device (asus-nb-wmi, the PHYs of a wireless card); those get the name file's content appended
     * when that tells them apart, else their hwmonN.
     *
     * @throws NoSuchFileException when the host has no /sys/class/hwmon
     */
    public static List<HwmonChip> chips(Path sysfs) throws IOException {
        Path root = sysfs.resolve("class/hwmon");
        if (!Files.isDirectory(root)) {
            throw new NoSuchFileException(root.toString());
        }
        record Entry(Path dir, String baseName, String nameFile) {}
        List<Entry> entries = new ArrayList<>();
        Map<String, Integer> baseCounts = new HashMap<>();
        Map<String, Integer> nameCounts = new HashMap<>();
        for (String n : SmallFiles.list(root)) {
            Path dir = root.resolve(n);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            Optional<String> base = baseName(dir);
            if (base.isEmpty()) {
                continue;
            }
            String raw = SmallFiles.readIfPresent(dir.resolve("name"));
            String nameFile = raw == null ? "" : raw.strip();
            entries.add(new Entry(dir, base.get(), nameFile));
            baseCounts.merge(base.get(), 1, Integer::sum);
            nameCounts.merge(base.get() + "\0" + nameFile, 1, Integer::sum);
        }
        List<HwmonChip> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            String chip = e.baseName();
            if (baseCounts.get(e.baseName()) > 1) {
                String suffix = cleanName(e.nameFile());
                if (suffix.isEmpty() || nameCounts.get(e.baseName() + "\0" + e.nameFile()) > 1) {
                    suffix = cleanName(e.dir().getFileName().toString());
                }
                chip = e.baseName() + "_" + suffix;
            }
            out.add(new HwmonChip(e.dir(), chip, humanName(e.dir())));
        }
        return out;
    }

    /** The device-derived name before collisions are resolved; empty when nothing usable is found. */
    static Optional<String> baseName(Path dir) {
        try {
            Path device = dir.resolve("device").toRealPath();
            String devName = cleanName(device.getFileName() == null ? "" : device.getFileName().toString());
            Path parent = device.getParent();
            String devType = cleanName(parent == null || parent.getFileName() == null ? ""
                    : parent.getFileName().toString());
            if (!devType.isEmpty() && !devName.isEmpty()) {
                return Optional.of(devType + "_" + devName);
            }
            if (!devName.isEmpty()) {
                return Optional.of(devName);
            }
        } catch (IOException e) {
            // no device link: fall back to the name file
        }
        String name = SmallFiles.readIfPresent(dir.resolve("name"));
        if (name != null && !name.isEmpty()) {
            String clean = cleanName(name);
            if (!clean.isEmpty()) {
                return Optional.of(clean);
            }
        }
        try {
            Path real = dir.toRealPath();
            String clean = cleanName(real.getFileName() == null ? "" : real.getFileName().toString());
            return clean.isEmpty() ? Optional.empty() : Optional.of(clean);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** The cleaned name file, the "chip_name" node_exporter annotates chips with. */
    static Optional<String> humanName(Path dir) {
        String name = SmallFiles.readIfPresent(dir.resolve("name"));
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        String clean = cleanName(name);
        return clean.isEmpty() ? Optional.empty() : Optional.of(clean);
    }

    /**
     * The sensor attributes in the chip directory and in its device directory (older drivers, applesmc, put
     * them there); the device directory's value wins when both have a file. Unreadable files are left out.
     *
     * @throws IOException when a directory cannot be listed
     */
    public static HwmonSensors sensors(Path dir) throws IOException {
        Map<String, Map<String, String>> data = new TreeMap<>();
        collect(dir, data);
        Path device = dir.resolve("device");
        if (Files.exists(device)) {
            collect(device, data);
        }
        return new HwmonSensors(data);
    }

    private static void collect(Path dir, Map<String, Map<String, String>> data) throws IOException {
        List<String> names;
        try (var stream = Files.newDirectoryStream(dir)) {
            names = new ArrayList<>();
            for (Path p : stream) {
                names.add(p.getFileName().toString());
            }
        }
        names.sort(null);
        for (String name : names) {
            Optional<HwmonSensorFile> f = explode(name);
            if (f.isEmpty() || !SENSOR_TYPES.contains(f.get().type())) {
                continue;
            }
            // directories and files the driver refuses to read (EIO, EAGAIN) come back null and are skipped
            String raw = SmallFiles.readIfPresent(dir.resolve(name));
            if (raw == null) {
                continue;
            }
            data.computeIfAbsent(f.get().sensor(), k -> new TreeMap<>()).put(f.get().property(), trimNewlines(raw));
        }
    }

    /** Takes a file name apart as node_exporter does: "&lt;non-digits&gt;&lt;digits&gt;_&lt;rest&gt;", all but the first optional. */
    public static Optional<HwmonSensorFile> explode(String fileName) {
        Matcher m = FILE_NAME.matcher(fileName);
        if (!m.matches()) {
            return Optional.empty();
        }
        long number = 0;
        String digits = m.group(2);
        if (digits != null && !digits.isEmpty()) {
            try {
                number = Long.parseLong(digits);
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        String property = m.group(4) == null ? "" : m.group(4);
        return Optional.of(new HwmonSensorFile(m.group(1), number, property));
    }

    /** Lower case, every character outside [a-z0-9:_] replaced by "_", then leading and trailing "_" removed. */
    public static String cleanName(String name) {
        String replaced = INVALID_NAME_CHARS.matcher(name.toLowerCase(Locale.ROOT)).replaceAll("_");
        int start = 0;
        int end = replaced.length();
        while (start < end && replaced.charAt(start) == '_') {
            start++;
        }
        while (end > start && replaced.charAt(end - 1) == '_') {
            end--;
        }
        return replaced.substring(start, end);
    }

    private static String trimNewlines(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && s.charAt(start) == '\n') {
            start++;
        }
        while (end > start && s.charAt(end - 1) == '\n') {
            end--;
        }
        return s.substring(start, end);
    }
}
