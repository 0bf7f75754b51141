package dev.nodepulse.procfs.sys;

import dev.nodepulse.procfs.io.SmallFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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

    /** procfs reads sysfs attributes with one read(2) of this size. */
    private static final int READ_LIMIT = 128;

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
            String value = attribute(devDir.resolve(attr));
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

    /**
     * The attribute's trimmed value, or null when it is absent or the kernel refuses the read. (No stat
     * first: on a node with hundreds of veth interfaces that would double the system calls.)
     */
    static String attribute(Path file) {
        String s;
        try {
            s = SmallFiles.read(file);
        } catch (IOException e) {
            return null;
        }
        byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
        if (bytes.length > READ_LIMIT) {
            s = new String(Arrays.copyOf(bytes, READ_LIMIT), StandardCharsets.UTF_8);
        }
        return s.strip();
    }

    private static String text(Map<String, String> v, String key) {
        return v.getOrDefault(key, "");
    }

    private static Long integer(Map<String, String> v, String key) {
        String s = v.get(key);
        return s == null ? null : parseGoInt(s);
    }

    /**
     * Go's {@code strconv.ParseInt(s, 0, 64)} with procfs' fallback: an optional sign, then prefixes 0x,
     * 0o, 0b or a bare leading 0 (octal) pick the base, "_" may separate digits; anything that does not
     * parse, or does not fit in 64 bits, is 0.
     */
    public static long parseGoInt(String s) {
        if (s.isEmpty() || !underscoresOk(s)) {
            return 0;
        }
        int i = 0;
        boolean negative = false;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            negative = s.charAt(0) == '-';
            i = 1;
        }
        String body = s.substring(i);
        if (body.isEmpty()) {
            return 0;
        }
        int radix = 10;
        if (body.charAt(0) == '0') {
            char p = body.length() >= 3 ? Character.toLowerCase(body.charAt(1)) : ' ';
            if (p == 'x' || p == 'o' || p == 'b') {
                radix = p == 'x' ? 16 : p == 'o' ? 8 : 2;
                body = body.substring(2);
            } else {
                radix = 8;
                body = body.substring(1);
            }
        }
        body = body.replace("_", "");
        if (body.isEmpty()) {
            return 0;
        }
        for (int k = 0; k < body.length(); k++) {
            if (Character.digit(body.charAt(k), radix) < 0 || body.charAt(k) > 0x7f) {
                return 0;
            }
        }
        java.math.BigInteger v = new java.math.BigInteger(body, radix);
        if (negative) {
            v = v.negate();
        }
        return v.bitLength() <= 63 ? v.longValue() : 0;
    }

    /** Go's underscoreOK: "_" only after a digit or base prefix, and followed by a digit. */
    private static boolean underscoresOk(String s) {
        if (s.indexOf('_') < 0) {
            return true;
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            s = s.substring(1);
        }
        char saw = '^';
        boolean hex = false;
        if (s.length() >= 2 && s.charAt(0) == '0' && "box".indexOf(Character.toLowerCase(s.charAt(1))) >= 0) {
            i = 2;
            saw = '0';
            hex = Character.toLowerCase(s.charAt(1)) == 'x';
        }
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            char l = Character.toLowerCase(c);
            if ((c >= '0' && c <= '9') || (hex && l >= 'a' && l <= 'f')) {
                saw = '0';
                continue;
            }
            if (c == '_') {
                if (saw != '0') {
                    return false;
                }
                saw = '_';
                continue;
            }
            if (saw == '_') {
                return false;
            }
            saw = '!';
        }
        return saw != '_';
    }
}
