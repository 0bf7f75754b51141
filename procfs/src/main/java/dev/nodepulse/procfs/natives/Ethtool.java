package dev.nodepulse.procfs.natives;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The SIOCETHTOOL ioctl on an AF_INET datagram socket, for the three reads node_exporter's ethtool
 * collector makes through the Go ethtool library: driver info (ETHTOOL_GDRVINFO), driver statistics
 * (ETHTOOL_GDRVINFO for the count, then ETHTOOL_GSTRINGS and ETHTOOL_GSTATS) and the legacy link
 * settings (ETHTOOL_GSET). None of them needs privileges. A failed ioctl is an {@link ErrnoException}
 * (EOPNOTSUPP when the device has no such operation). Interfaces are those of the agent's network namespace.
 */
public final class Ethtool implements AutoCloseable {

    private static final int AF_INET = 2;
    private static final int SOCK_DGRAM = 2;
    private static final int SOCK_CLOEXEC = 02000000;
    private static final long SIOCETHTOOL = 0x8946;
    private static final int IFNAMSIZ = 16;
    /** struct ifreq on 64-bit Linux; the kernel copies it whole, ifr_data sits right after the name. */
    private static final int IFREQ_SIZE = 40;

    private final int fd;

    private Ethtool(int fd) {
        this.fd = fd;
    }

    public static Ethtool open() throws IOException {
        int fd = EthtoolLibC.Holder.INSTANCE.socket(AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
        if (fd < 0) {
            throw new ErrnoException("socket", Native.getLastError());
        }
        return new Ethtool(fd);
    }

    public EthtoolDriverInfo driverInfo(String device) throws IOException {
        try (Memory m = new Memory(EthtoolLayout.DRVINFO_SIZE)) {
            m.clear();
            m.setInt(0, EthtoolLayout.ETHTOOL_GDRVINFO);
            call(device, m);
            return EthtoolLayout.driverInfo(m.getByteBuffer(0, m.size()).order(ByteOrder.nativeOrder()));
        }
    }

    /** The driver's statistics by name; empty when the driver has none. */
    public Map<String, Long> stats(String device) throws IOException {
        long count = driverInfo(device).statsCount();
        if (count > EthtoolLayout.MAX_GSTRINGS) {
            throw new IOException("ethtool currently doesn't support more than " + EthtoolLayout.MAX_GSTRINGS
                    + " entries, received " + count);
        }
        if (count == 0) {
            // The Go library would go on with a zero-length ETHTOOL_GSTRINGS, which makes the kernel warn; it
            // ends in no statistics either way.
            return Map.of();
        }
        int n = (int) count;
        long stringsSize = EthtoolLayout.GSTRINGS_HEADER + (long) EthtoolLayout.MAX_GSTRINGS * EthtoolLayout.ETH_GSTRING_LEN;
        long statsSize = EthtoolLayout.STATS_HEADER + 8L * EthtoolLayout.MAX_GSTRINGS;
        // Sized for the largest set, not for n: the kernel writes as many entries as the driver has at the
        // time of each call, which may have grown since ETHTOOL_GDRVINFO.
        try (Memory strings = new Memory(stringsSize); Memory values = new Memory(statsSize)) {
            strings.clear(EthtoolLayout.GSTRINGS_HEADER + (long) n * EthtoolLayout.ETH_GSTRING_LEN);
            strings.setInt(0, EthtoolLayout.ETHTOOL_GSTRINGS);
            strings.setInt(4, EthtoolLayout.ETH_SS_STATS);
            strings.setInt(8, n);
            call(device, strings);
            values.clear(EthtoolLayout.STATS_HEADER + 8L * n);
            values.setInt(0, EthtoolLayout.ETHTOOL_GSTATS);
            values.setInt(4, n);
            call(device, values);
            return EthtoolLayout.statsByName(
                    EthtoolLayout.strings(strings.getByteBuffer(0, stringsSize).order(ByteOrder.nativeOrder()), n),
                    EthtoolLayout.stats(values.getByteBuffer(0, statsSize).order(ByteOrder.nativeOrder()), n));
        }
    }

    public EthtoolLinkSettings linkSettings(String device) throws IOException {
        try (Memory m = new Memory(EthtoolLayout.CMD_SIZE)) {
            m.clear();
            m.setInt(0, EthtoolLayout.ETHTOOL_GSET);
            call(device, m);
            return EthtoolLayout.linkSettings(m.getByteBuffer(0, m.size()).order(ByteOrder.nativeOrder()));
        }
    }

    private void call(String device, Memory data) throws IOException {
        byte[] name = device.getBytes(StandardCharsets.UTF_8);
        if (name.length >= IFNAMSIZ) {
            throw new IOException("interface name too long: " + device);
        }
        try (Memory ifreq = new Memory(IFREQ_SIZE)) {
            ifreq.clear();
            ifreq.write(0, name, 0, name.length);
            ifreq.setPointer(IFNAMSIZ, data);
            if (EthtoolLibC.Holder.INSTANCE.ioctl(fd, new NativeLong(SIOCETHTOOL), ifreq) != 0) {
                throw new ErrnoException("ethtool " + device, Native.getLastError());
            }
        }
    }

    @Override
    public void close() {
        EthtoolLibC.Holder.INSTANCE.close(fd);
    }
}
