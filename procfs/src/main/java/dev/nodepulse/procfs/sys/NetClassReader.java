package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.io.GoStrconv;
import dev.nodepulse.procfs.io.SysfsAttributes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * /sys/class/net: one directory (a symlink into /sys/devices on a real host) per interface, one small file
 * per attribute. Values are read the way procfs reads sysfs attributes: at most 128 bytes, surrounding
 * white space removed, integers in Go's base-prefix syntax ({@code flags} holds "0x1003"), an integer that
 * does not parse counting as 0.
 */
public final class NetClassReader {

    /** Every attribute {@link NetClassIface} holds. */
    public static final Set<String> ALL = Set.of("addr_assign_type", "address", "broadcast", "carrier",
            "carrier_changes", "carrier_up_count", "carrier_down_count", "dev_id", "dormant", "duplex", "flags",
            "ifalias", "ifindex", "iflink", "link_mode", "mtu", "name_assign_type", "netdev_group", "operstate",
            "speed", "tx_queue_len", "type");

    private NetClassReader() {}

    public static Path dir(Path sysfs) {
        return sysfs.resolve("class").resolve("net");
    }

    /**
     * The interface names, sorted; plain files such as {@code bonding_masters} are not interfaces.
     * A missing directory is a {@link java.nio.file.NoSuchFileException}.
     */
    public static List<String> devices(Path sysfs) throws IOException {
        Path dir = dir(sysfs);
        List<String> names = new ArrayList<>();
        try (var stream = Files.newDirectoryStream(dir)) {
            for (Path p : stream) {
                if (!Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                    names.add(p.getFileName().toString());
                }
            }
        }
        names.sort(null);
        return names;
    }

    /**
     * Reads the given attributes of one interface (see {@link #ALL}); the others stay unset. A missing
     * interface directory is a {@link java.nio.file.NoSuchFileException}.
     */
    public static NetClassIface read(Path sysfs, String device, Set<String> attributes) throws IOException {
        Path devDir = dir(sysfs).resolve(device);
        if (!Files.isDirectory(devDir)) {
            throw new java.nio.file.NoSuchFileException(devDir.toString());
        }
        Map<String, String> v = new HashMap<>();
        for (String attr : attributes) {
            String value = SysfsAttributes.readOrNull(devDir.resolve(attr));
            if (value != null) {
                v.put(attr, value);
            }
        }
        return new NetClassIface(device,
                integer(v, "addr_assign_type"), text(v, "address"), text(v, "broadcast"), integer(v, "carrier"),
                integer(v, "carrier_changes"), integer(v, "carrier_up_count"), integer(v, "carrier_down_count"),
                integer(v, "dev_id"), integer(v, "dormant"), text(v, "duplex"), integer(v, "flags"),
                text(v, "ifalias"), integer(v, "ifindex"), integer(v, "iflink"), integer(v, "link_mode"),
                integer(v, "mtu"), integer(v, "name_assign_type"), integer(v, "netdev_group"),
                text(v, "operstate"), integer(v, "speed"), integer(v, "tx_queue_len"), integer(v, "type"));
    }

    private static String text(Map<String, String> v, String key) {
        return v.getOrDefault(key, "");
    }

    private static Long integer(Map<String, String> v, String key) {
        String s = v.get(key);
        return s == null ? null : parseGoInt(s);
    }

    /** Go's {@code strconv.ParseInt(s, 0, 64)} with procfs' fallback: anything that does not parse is 0. */
    public static long parseGoInt(String s) {
        try {
            return GoStrconv.parseInt(s, 0, 64);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
