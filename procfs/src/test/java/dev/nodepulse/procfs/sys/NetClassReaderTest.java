package dev.nodepulse.procfs.sys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.procfs.Fixtures;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetClassReaderTest {

    private static final Path SYS = Fixtures.path("kernel-format/sys");

    @Test
    void listsInterfacesButNotPlainFiles() throws Exception {
        assertEquals(List.of("bond0", "eth0"), NetClassReader.devices(SYS));
    }

    @Test
    void readsEveryAttribute() throws Exception {
        NetClassIface eth0 = NetClassReader.read(SYS, "eth0", NetClassReader.ALL);
        assertEquals(new NetClassIface("eth0", 3L, "01:02:03:04:05:06", "ff:ff:ff:ff:ff:ff", 1L, 4L, 2L, 2L,
                0x20L, 0L, "full", 0x1003L, "uplink to core", 2L, 2L, 0L, 9000L, 4L, 8L /* octal 010 */, "up",
                10000L, 1000L, 1L), eth0);
    }

    @Test
    void missingAndUnparseableAttributes() throws Exception {
        NetClassIface bond0 = NetClassReader.read(SYS, "bond0", NetClassReader.ALL);
        assertNull(bond0.carrier(), "absent attribute");
        assertEquals("", bond0.duplex());
        assertEquals("", bond0.ifAlias());
        assertEquals(-1L, bond0.speed());
        assertEquals(0L, bond0.carrierChanges(), "procfs reads an unparseable integer as 0");
        assertEquals(0x1002L, bond0.flags());
    }

    @Test
    void readsOnlyTheAttributesAskedFor() throws Exception {
        NetClassIface eth0 = NetClassReader.read(SYS, "eth0", Set.of("ifalias"));
        assertEquals("uplink to core", eth0.ifAlias());
        assertNull(eth0.mtu());
        assertEquals("", eth0.operState());
    }

    @Test
    void missingDirectoriesAreNoSuchFile(@TempDir Path dir) {
        assertThrows(NoSuchFileException.class, () -> NetClassReader.devices(dir));
        assertThrows(NoSuchFileException.class, () -> NetClassReader.read(SYS, "nope0", NetClassReader.ALL));
    }

    @Test
    void symlinkedInterfacesCountAndLongValuesAreCutLikeProcfs(@TempDir Path dir) throws Exception {
        Path real = Files.createDirectories(dir.resolve("devices/virtual/net/veth1"));
        Files.writeString(real.resolve("ifalias"), "x".repeat(200) + "\n");
        Files.writeString(real.resolve("mtu"), "  1500 \n");
        Path net = Files.createDirectories(dir.resolve("class/net"));
        Files.createSymbolicLink(net.resolve("veth1"), real);
        assertEquals(List.of("veth1"), NetClassReader.devices(dir));
        NetClassIface v = NetClassReader.read(dir, "veth1", NetClassReader.ALL);
        assertEquals("x".repeat(128), v.ifAlias());
        assertEquals(1500L, v.mtu());
    }

    @Test
    void parsesIntegersAsGoDoesWithBaseZero() {
        assertEquals(4867, NetClassReader.parseGoInt("0x1303"));
        assertEquals(4867, NetClassReader.parseGoInt("0X1303"));
        assertEquals(8, NetClassReader.parseGoInt("010"));
        assertEquals(8, NetClassReader.parseGoInt("0o10"));
        assertEquals(5, NetClassReader.parseGoInt("0b101"));
        assertEquals(-1, NetClassReader.parseGoInt("-1"));
        assertEquals(7, NetClassReader.parseGoInt("+7"));
        assertEquals(0, NetClassReader.parseGoInt("0"));
        assertEquals(1000, NetClassReader.parseGoInt("1_000"));
        assertEquals(0, NetClassReader.parseGoInt("1__000"));
        assertEquals(0, NetClassReader.parseGoInt("_1"));
        assertEquals(0, NetClassReader.parseGoInt("0x"));
        assertEquals(0, NetClassReader.parseGoInt("09"));
        assertEquals(0, NetClassReader.parseGoInt("12a"));
        assertEquals(0, NetClassReader.parseGoInt(""));
        assertEquals(Long.MAX_VALUE, NetClassReader.parseGoInt("9223372036854775807"));
        assertEquals(0, NetClassReader.parseGoInt("9223372036854775808"), "out of range");
        assertEquals(Long.MIN_VALUE, NetClassReader.parseGoInt("-9223372036854775808"));
    }

    @Test
    void readsTheLiveLoopbackLikeTheKernelWritesIt() throws Exception {
        Path lo = Path.of("/sys/class/net/lo");
        assumeTrue(Files.isReadable(lo.resolve("mtu")), "no /sys/class/net/lo on this host");
        NetClassIface i = NetClassReader.read(Path.of("/sys"), "lo", NetClassReader.ALL);
        assertEquals(Long.parseLong(Files.readString(lo.resolve("mtu")).strip()), i.mtu());
        assertEquals(Long.decode(Files.readString(lo.resolve("flags")).strip()), i.flags());
        assertEquals(Files.readString(lo.resolve("address")).strip(), i.address());
        assertEquals(Long.parseLong(Files.readString(lo.resolve("ifindex")).strip()), i.ifIndex());
    }
}
