package dev.nodepulse.procfs.sys.pci;

import dev.nodepulse.procfs.ParseException;
import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * /sys/bus/pci/devices/*: each entry is a symlink into the device tree, whose last two elements give the
 * device's location and its parent bridge's (none when the parent is the root "pciSSSS:BB"). class, vendor,
 * device, subsystem_vendor, subsystem_device and revision are required; link, NUMA, SR-IOV and power
 * attributes are optional.
 */
public final class PciDeviceReader {

    private PciDeviceReader() {}

    /** @param devicesDir the sysfs directory bus/pci/devices; missing: NoSuchFileException */
    public static List<PciDevice> read(Path devicesDir) throws IOException {
        List<PciDevice> out = new ArrayList<>();
        for (String name : SysfsAttributes.list(devicesDir)) {
            out.add(device(devicesDir.resolve(name)));
        }
        return List.copyOf(out);
    }

    static PciDevice device(Path path) throws IOException {
        Path target = Files.readSymbolicLink(path);
        String own = target.getFileName().toString();
        Path parentPath = target.getParent();
        String parentName = parentPath == null || parentPath.getFileName() == null ? "."
                : parentPath.getFileName().toString();
        PciDevice.Location location = location(own, path);
        PciDevice.Location parent = parentName.startsWith("pci") ? null : location(parentName, path);

        int[] ids = new int[6];
        String[] idFiles = {"class", "vendor", "device", "subsystem_vendor", "subsystem_device", "revision"};
        for (int i = 0; i < idFiles.length; i++) {
            String s = SysfsAttributes.read(path.resolve(idFiles[i]));
            try {
                ids[i] = (int) GoStrconv.parseInt(s, 0, 32);
            } catch (NumberFormatException e) {
                throw new ParseException(path.resolve(idFiles[i]) + ": not a number: \"" + s + "\"");
            }
        }

        Double maxSpeed = speed(path, "max_link_speed");
        Double maxWidth = width(path, "max_link_width");
        Double curSpeed = speed(path, "current_link_speed");
        Double curWidth = width(path, "current_link_width");
        Integer numa = null;
        String numaText = linkAttribute(path, "numa_node");
        if (numaText != null) {
            numa = parse(path, "numa_node", numaText, () -> GoStrconv.parseInt(numaText, 10, 32)).intValue();
        }

        Boolean autoprobe = null;
        Long numvfs = null;
        Long totalvfs = null;
        Long msix = null;
        String v = optional(path, "sriov_drivers_autoprobe");
        if (v != null) {
            String s = v;
            autoprobe = parse(path, "sriov_drivers_autoprobe", s, () -> GoStrconv.parseInt(s, 10, 32)) != 0;
        }
        v = optional(path, "sriov_numvfs");
        if (v != null) {
            numvfs = uint32(path, "sriov_numvfs", v, 10);
        }
        v = optional(path, "sriov_offset");
        if (v != null) {
            uint32(path, "sriov_offset", v, 10);
        }
        v = optional(path, "sriov_stride");
        if (v != null) {
            uint32(path, "sriov_stride", v, 10);
        }
        v = optional(path, "sriov_totalvfs");
        if (v != null) {
            totalvfs = uint32(path, "sriov_totalvfs", v, 10);
        }
        v = optional(path, "sriov_vf_device");
        if (v != null) {
            uint32(path, "sriov_vf_device", v, 16);
        }
        v = optional(path, "sriov_vf_total_msix");
        if (v != null) {
            String s = v;
            msix = parse(path, "sriov_vf_total_msix", s, () -> GoStrconv.parseUint(s, 10, 64));
        }

        Boolean d3cold = null;
        v = optional(path, "d3cold_allowed");
        if (v != null) {
            String s = v;
            d3cold = parse(path, "d3cold_allowed", s, () -> GoStrconv.parseInt(s, 10, 32)) != 0;
        }
        String power = optional(path, "power_state");

        return new PciDevice(location, parent, ids[0], ids[1], ids[2], ids[3], ids[4], ids[5], numa, maxSpeed,
                maxWidth, curSpeed, curWidth, autoprobe, numvfs, totalvfs, msix, d3cold, power);
    }

    /** "0000:01:00.0". */
    static PciDevice.Location location(String text, Path device) throws ParseException {
        String[] parts = text.split(":", -1);
        if (parts.length != 3) {
            throw new ParseException(device + ": invalid PCI location '" + text + "'");
        }
        String[] devFn = parts[2].split("\\.", -1);
        if (devFn.length != 2) {
            throw new ParseException(device + ": invalid PCI location '" + text + "'");
        }
        try {
            return new PciDevice.Location((int) GoStrconv.parseInt(parts[0], 16, 32),
                    (int) GoStrconv.parseInt(parts[1], 16, 32), (int) GoStrconv.parseInt(devFn[0], 16, 32),
                    (int) GoStrconv.parseInt(devFn[1], 16, 32));
        } catch (NumberFormatException e) {
            throw new ParseException(device + ": invalid PCI location '" + text + "'");
        }
    }

    /** A link or NUMA attribute: absent, empty or "Unknown..." all mean "not known". */
    private static String linkAttribute(Path dir, String attr) throws IOException {
        String s = SysfsAttributes.readIfExists(dir.resolve(attr));
        if (s == null || s.isEmpty() || s.startsWith("Unknown")) {
            return null;
        }
        return s;
    }

    /** "8.0 GT/s PCIe". */
    private static Double speed(Path dir, String attr) throws IOException {
        String s = linkAttribute(dir, attr);
        if (s == null) {
            return null;
        }
        int sp = s.indexOf(' ');
        if (sp < 0) {
            throw new ParseException(dir.resolve(attr) + ": invalid value \"" + s + "\"");
        }
        if (!s.substring(sp + 1).equals("GT/s PCIe")) {
            throw new ParseException(dir.resolve(attr) + ": unknown unit in \"" + s + "\"");
        }
        String number = s.substring(0, sp + 1).strip();
        return parse(dir, attr, s, () -> GoStrconv.parseFloat(number));
    }

    private static Double width(Path dir, String attr) throws IOException {
        String s = linkAttribute(dir, attr);
        if (s == null) {
            return null;
        }
        return parse(dir, attr, s, () -> GoStrconv.parseInt(s, 10, 64)).doubleValue();
    }

    /** An optional SR-IOV or power attribute: absent or empty means "not there". */
    private static String optional(Path dir, String attr) throws IOException {
        String s = SysfsAttributes.readIfExists(dir.resolve(attr));
        return s == null || s.isEmpty() ? null : s;
    }

    private static long uint32(Path dir, String attr, String s, int base) throws ParseException {
        long v = parse(dir, attr, s, () -> GoStrconv.parseUint(s, base, 64));
        if (v < 0 || v > 0xffffffffL) {
            throw new ParseException(dir.resolve(attr) + ": out of range: \"" + s + "\"");
        }
        return v;
    }

    private interface NumberSupplier<T> {
        T get();
    }

    private static <T> T parse(Path dir, String attr, String s, NumberSupplier<T> parser) throws ParseException {
        try {
            return parser.get();
        } catch (NumberFormatException e) {
            throw new ParseException(dir.resolve(attr) + ": not a number: \"" + s + "\"");
        }
    }
}
