package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** Thermal zones and cooling devices of /sys/class/thermal. */
public final class ThermalZoneReader {

    private ThermalZoneReader() {}

    /**
     * Every thermal_zone[0-9]* directory. A zone is listed even when some of its files cannot be read (the
     * failures are in {@link ThermalZone#readErrors()}): the procfs library behind node_exporter 1.12 does so.
     */
    public static List<ThermalZone> zones(Path sysfs) throws IOException {
        List<ThermalZone> out = new ArrayList<>();
        for (Path dir : numbered(sysfs, "thermal_zone")) {
            out.add(zone(dir, dir.getFileName().toString().substring("thermal_zone".length())));
        }
        return out;
    }

    static ThermalZone zone(Path dir, String name) {
        List<String> errors = new ArrayList<>();
        String type = "";
        try {
            type = SmallFiles.readTrimmed(dir.resolve("type"));
        } catch (IOException e) {
            errors.add("error reading type: " + e);
        }
        String policy = "";
        try {
            policy = SmallFiles.readTrimmed(dir.resolve("policy"));
        } catch (IOException e) {
            errors.add("error reading policy: " + e);
        }
        long temp = 0;
        try {
            temp = GoStrconv.parseInt(SmallFiles.readTrimmed(dir.resolve("temp")), 10, 64);
        } catch (IOException | NumberFormatException e) {
            if (!(e instanceof IOException io && io.getMessage() != null && io.getMessage().contains("Invalid argument"))) {
                errors.add("error reading temp: " + e);
            }
        }
        Optional<Boolean> mode = Optional.empty();
        try {
            String m = SmallFiles.readTrimmed(dir.resolve("mode"));
            if (m.equals("enabled")) {
                mode = Optional.of(true);
            } else if (m.equals("disabled")) {
                mode = Optional.of(false);
            }
        } catch (NoSuchFileException | AccessDeniedException e) {
            // optional
        } catch (IOException e) {
            errors.add("error reading mode: " + e);
        }
        OptionalLong passive = OptionalLong.empty();
        try {
            passive = OptionalLong.of(GoStrconv.parseUint(SmallFiles.readTrimmed(dir.resolve("passive")), 10, 64));
        } catch (NoSuchFileException | AccessDeniedException e) {
            // optional
        } catch (IOException | NumberFormatException e) {
            errors.add("error reading passive: " + e);
        }
        return new ThermalZone(name, type, temp, policy, mode, passive, errors);
    }

    /**
     * Every cooling_device[0-9]* directory. Devices whose attributes are absent or refused are skipped;
     * an attribute that is there but not a number fails the whole read.
     */
    public static List<CoolingDevice> coolingDevices(Path sysfs) throws IOException {
        List<CoolingDevice> out = new ArrayList<>();
        for (Path dir : numbered(sysfs, "cooling_device")) {
            String name = dir.getFileName().toString().substring("cooling_device".length());
            try {
                String type = SmallFiles.readTrimmed(dir.resolve("type"));
                long max = integer(dir.resolve("max_state"));
                long cur = integer(dir.resolve("cur_state"));
                out.add(new CoolingDevice(name, type, max, cur));
            } catch (ParseException e) {
                throw e;
            } catch (IOException e) {
                if (!SysfsErrors.ignorable(e)) {
                    throw e;
                }
            }
        }
        return out;
    }

    private static long integer(Path file) throws IOException {
        String s = SmallFiles.readTrimmed(file);
        try {
            return GoStrconv.parseInt(s, 10, 64);
        } catch (NumberFormatException e) {
            throw new ParseException(file + ": not an integer: \"" + s + "\"");
        }
    }

    /** Entries of /sys/class/thermal named prefix + digits..., in name order. */
    private static List<Path> numbered(Path sysfs, String prefix) throws IOException {
        Path root = sysfs.resolve("class/thermal");
        List<Path> out = new ArrayList<>();
        for (String n : SmallFiles.list(root)) {
            if (n.length() > prefix.length() && n.startsWith(prefix) && Character.isDigit(n.charAt(prefix.length()))) {
                out.add(root.resolve(n));
            }
        }
        return out;
    }
}
