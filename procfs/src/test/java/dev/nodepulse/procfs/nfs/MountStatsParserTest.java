package dev.nodepulse.procfs.nfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import org.junit.jupiter.api.Test;

class MountStatsParserTest {

    private static MountStats fixture() throws Exception {
        return MountStatsParser.parse(Fixtures.text("handwritten/nfs/mountstats"));
    }

    @Test
    void listsEveryMountInOrderWithStatisticsOnlyForNfs() throws Exception {
        MountStats s = fixture();
        assertEquals(5, s.mounts().size());
        assertEquals("proc", s.mounts().get(0).device());
        assertNull(s.mounts().get(0).nfs());
        MountStats.Mount home = s.mounts().get(2);
        assertEquals("fs1:/export/home", home.device());
        assertEquals("/home", home.mountPoint());
        assertEquals("nfs", home.fsType());
        assertNotNull(home.nfs());
        assertEquals("1.1", home.nfs().statVersion());
        assertEquals("3", home.nfs().opts().get("vers"));
        assertEquals("", home.nfs().opts().get("hard"));
        assertEquals(86400.0, home.nfs().ageSeconds());
    }

    @Test
    void bytesAndEventsKeepTheKernelOrder() throws Exception {
        MountStats.Nfs n = fixture().mounts().get(2).nfs();
        assertEquals(1001, n.bytes().read());
        assertEquals(1008, n.bytes().writePages());
        assertEquals(101, n.events().inodeRevalidate());
        assertEquals(119, n.events().congestionWait());
        assertEquals(127, n.events().pnfsWrite());
    }

    @Test
    void operationsWithAndWithoutTheErrorColumn() throws Exception {
        MountStats.Nfs n = fixture().mounts().get(2).nfs();
        assertEquals(3, n.operations().size());
        MountStats.Operation getattr = n.operations().get(1);
        assertEquals("GETATTR", getattr.name());
        assertEquals(2001, getattr.transmissions());
        assertEquals("18446744073709551615", Long.toUnsignedString(getattr.queueMilliseconds()));
        assertEquals(4, getattr.errors());
        assertEquals(0, n.operations().get(2).errors());
    }

    @Test
    void transportsAreNormalisedToTheTcpLayout() throws Exception {
        MountStats.Transport tcp = fixture().mounts().get(2).nfs().transports().get(0);
        assertEquals("tcp", tcp.protocol());
        assertEquals(931, tcp.port());
        assertEquals(17, tcp.idleTimeSeconds());
        assertEquals(3000, tcp.sends());
        assertEquals(7, tcp.cumulativeBacklog());
        assertEquals(64, tcp.maximumRpcSlotsUsed());
        assertEquals(11, tcp.cumulativePendingQueue());

        MountStats.Transport udp = fixture().mounts().get(3).nfs().transports().get(0);
        assertEquals(1, udp.bind());
        assertEquals(0, udp.connect());
        assertEquals(0, udp.idleTimeSeconds());
        assertEquals(50, udp.sends());
        assertEquals(49, udp.receives());
        assertEquals(3, udp.cumulativeBacklog());
        assertEquals(0, udp.maximumRpcSlotsUsed());

        MountStats.Nfs rdma = fixture().mounts().get(4).nfs();
        assertTrue(rdma.operations().isEmpty());
        MountStats.Transport r = rdma.transports().get(0);
        assertEquals(9, r.cumulativeBacklog());
        assertEquals(0, r.maximumRpcSlotsUsed());
    }

    @Test
    void emptyFileHasNoMounts() throws Exception {
        assertTrue(MountStatsParser.parse("").mounts().isEmpty());
    }

    @Test
    void malformedInputIsAnError() {
        assertThrows(ParseException.class, () -> MountStatsParser.parse("device x mounted at / with fstype ext4\n"));
        assertThrows(ParseException.class, () -> MountStatsParser.parse("device x mounted on\n"));
        assertThrows(ParseException.class,
                () -> MountStatsParser.parse("device x mounted on /a with fstype cifs statvers=1.0\n"));
        String head = "device s:/e mounted on /m with fstype nfs statvers=1.1\n";
        assertThrows(ParseException.class, () -> MountStatsParser.parse(head + "\txprt:\ttcp 1 2 3\n"));
        assertThrows(ParseException.class, () -> MountStatsParser.parse(head + "\txprt:\tsctp 1 2 3\n"));
        assertThrows(ParseException.class, () -> MountStatsParser.parse(head + "\tbytes:\t1 2 3\n"));
        assertThrows(ParseException.class,
                () -> MountStatsParser.parse(head + "\tper-op statistics\n\tNULL: 1 2 3\n"));
        ParseException e = assertThrows(ParseException.class,
                () -> MountStatsParser.parse(head + "\tbytes:\t1 2 3 4 5 6 7 x\n"));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
        assertThrows(ParseException.class, () -> MountStatsParser.parse(
                "device s:/e mounted on /m with fstype nfs statvers=2.0\n\txprt:\ttcp 1 2 3\n"));
    }
}
