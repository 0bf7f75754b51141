package dev.nodepulse.procfs.natives;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The argument structures of the SIOCETHTOOL commands node_exporter uses, at the offsets of
 * linux/ethtool.h, read from buffers in the host's byte order. Pure functions, so they are tested on
 * buffers built in the kernel's layout without a network card.
 */
public final class EthtoolLayout {

    public static final int ETHTOOL_GSET = 0x01;
    public static final int ETHTOOL_GDRVINFO = 0x03;
    public static final int ETHTOOL_GSTRINGS = 0x1b;
    public static final int ETHTOOL_GSTATS = 0x1d;
    public static final int ETH_SS_STATS = 1;

    public static final int ETH_GSTRING_LEN = 32;
    /** The Go library's bound on a string set; buffers are sized for it (the kernel writes as many as it has). */
    public static final int MAX_GSTRINGS = 32768;

    /** struct ethtool_drvinfo. */
    public static final int DRVINFO_SIZE = 196;
    /** struct ethtool_cmd. */
    public static final int CMD_SIZE = 44;
    /** struct ethtool_gstrings before its data: cmd, string_set, len. */
    public static final int GSTRINGS_HEADER = 12;
    /** struct ethtool_stats before its data: cmd, n_stats. */
    public static final int STATS_HEADER = 8;

    private static final int DRVINFO_TEXT = 32;

    private EthtoolLayout() {}

    public static EthtoolDriverInfo driverInfo(ByteBuffer b) {
        requireSize(b, DRVINFO_SIZE, "ethtool_drvinfo");
        return new EthtoolDriverInfo(text(b, 4, DRVINFO_TEXT), text(b, 36, DRVINFO_TEXT), text(b, 68, DRVINFO_TEXT),
                text(b, 100, DRVINFO_TEXT), text(b, 132, DRVINFO_TEXT), u32(b, 176), u32(b, 180));
    }

    public static EthtoolLinkSettings linkSettings(ByteBuffer b) {
        requireSize(b, CMD_SIZE, "ethtool_cmd");
        long speed = (Short.toUnsignedLong(b.getShort(28)) << 16) | Short.toUnsignedLong(b.getShort(12));
        if (speed == 0xffffL) {
            // a driver that fills only the low half with SPEED_UNKNOWN; the Go library widens it the same way
            speed = 0xffffffffL;
        }
        return new EthtoolLinkSettings(u32(b, 4), u32(b, 8), speed, Byte.toUnsignedInt(b.get(14)),
                Byte.toUnsignedInt(b.get(15)), Byte.toUnsignedInt(b.get(18)));
    }

    /** The first {@code count} names of a struct ethtool_gstrings, each cut at its first NUL (may be empty). */
    public static List<String> strings(ByteBuffer b, int count) {
        requireSize(b, GSTRINGS_HEADER + (long) count * ETH_GSTRING_LEN, "ethtool_gstrings");
        List<String> names = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            names.add(text(b, GSTRINGS_HEADER + i * ETH_GSTRING_LEN, ETH_GSTRING_LEN));
        }
        return names;
    }

    /** The first {@code count} values of a struct ethtool_stats, as unsigned 64-bit bit patterns. */
    public static long[] stats(ByteBuffer b, int count) {
        requireSize(b, STATS_HEADER + 8L * count, "ethtool_stats");
        long[] values = new long[count];
        for (int i = 0; i < count; i++) {
            values[i] = b.getLong(STATS_HEADER + 8 * i);
        }
        return values;
    }

    /**
     * Names paired with values by index, as the Go library's Stats map has them: entries with an empty
     * name are left out, and of two entries with the same name the later one wins.
     */
    public static Map<String, Long> statsByName(List<String> names, long[] values) {
        if (names.size() != values.length) {
            throw new IllegalArgumentException(names.size() + " names for " + values.length + " values");
        }
        Map<String, Long> byName = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            if (!names.get(i).isEmpty()) {
                byName.put(names.get(i), values[i]);
            }
        }
        return byName;
    }

    private static String text(ByteBuffer b, int offset, int length) {
        int len = 0;
        while (len < length && b.get(offset + len) != 0) {
            len++;
        }
        byte[] bytes = new byte[len];
        b.get(offset, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private static long u32(ByteBuffer b, int offset) {
        return Integer.toUnsignedLong(b.getInt(offset));
    }

    private static void requireSize(ByteBuffer b, long size, String what) {
        if (b.limit() < size) {
            throw new IllegalArgumentException(what + ": " + b.limit() + " bytes, need " + size);
        }
    }
}
