package dev.nodepulse.procfs.proc.nfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.procfs.Fixtures;
import dev.nodepulse.procfs.ParseException;
import java.util.List;
import org.junit.jupiter.api.Test;

class NfsStatsParsersTest {

    private static long count(List<NfsProcedure> l, String name) {
        return l.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow().count();
    }

    @Test
    void clientFile() throws Exception {
        NfsClientStats s = NfsClientStatsParser.parse(Fixtures.text("handmade/proc/net/rpc/nfs"));
        assertEquals(new NfsNetwork(1510, 12, 1498, 31), s.network());
        assertEquals(1490, s.rpcCount());
        assertEquals(7, s.retransmissions());
        assertEquals(5, s.authRefreshes());
        assertEquals(18, s.v2().size());
        assertEquals(1, count(s.v2(), "Null"));
        assertEquals(18, count(s.v2(), "FsStat"));
        assertEquals(22, s.v3().size());
        assertEquals(104, count(s.v3(), "Access"));
        assertEquals(121, count(s.v3(), "Commit"));
        // 59 operations of the 69 the kernel printed; columns 45 and 46 are LayoutGet and GetDeviceInfo
        assertEquals(59, s.v4().size());
        assertEquals(1000, count(s.v4(), "Null"));
        assertEquals(1045, count(s.v4(), "LayoutGet"));
        assertEquals(1044, count(s.v4(), "GetDeviceInfo"));
        assertEquals(1058, count(s.v4(), "Clone"));
    }

    @Test
    void clientPadsShortNfs4Lines() throws Exception {
        NfsClientStats s = NfsClientStatsParser.parse("proc4 3 7 8 9\n");
        assertEquals(7, count(s.v4(), "Null"));
        assertEquals(9, count(s.v4(), "Write"));
        assertEquals(0, count(s.v4(), "Clone"));
        assertEquals(0, s.rpcCount());
    }

    @Test
    void clientRejectsMalformedLines() {
        assertThrows(ParseException.class, () -> NfsClientStatsParser.parse("net 1 2 3\n"));
        assertThrows(ParseException.class, () -> NfsClientStatsParser.parse("rpc 1 2 x\n"));
        assertThrows(ParseException.class, () -> NfsClientStatsParser.parse("proc3 22 1 2 3\n"));
        assertThrows(ParseException.class, () -> NfsClientStatsParser.parse("proc4 5 1 2\n"));
        assertThrows(ParseException.class, () -> NfsClientStatsParser.parse("bogus 1 2\n"));
        ParseException e = assertThrows(ParseException.class, () -> NfsClientStatsParser.parse("net 1 2 3 4\nrpc\n"));
        assertTrue(e.getMessage().contains(":2:"), e.getMessage());
    }

    @Test
    void emptyClientFileIsAllZero() throws Exception {
        NfsClientStats s = NfsClientStatsParser.parse("");
        assertEquals(new NfsNetwork(0, 0, 0, 0), s.network());
        assertTrue(s.v3().stream().allMatch(p -> p.count() == 0));
    }

    @Test
    void serverFile() throws Exception {
        NfsServerStats s = NfsServerStatsParser.parse(Fixtures.text("handmade/proc/net/rpc/nfsd"));
        assertEquals(4, s.replyCacheHits());
        assertEquals(210, s.replyCacheMisses());
        assertEquals(3310, s.replyCacheNoCache());
        assertEquals(2, s.fileHandlesStale());
        assertEquals(1048576, s.bytesRead());
        assertEquals(524288, s.bytesWritten());
        assertEquals(16, s.threads());
        assertEquals(64, s.readAheadCacheSize());
        assertEquals(9, s.readAheadCacheNotFound());
        assertEquals(new NfsNetwork(3520, 20, 3500, 11), s.network());
        assertEquals(3519, s.rpcCount());
        assertEquals(4, s.rpcBadCount());
        assertEquals(1, s.rpcBadFormat());
        assertEquals(2, s.rpcBadAuth());
        assertEquals(1, s.rpcBadClient());
        assertEquals(17, count(s.v2(), "FsStat"));
        assertEquals(450, count(s.v3(), "Access"));
        assertEquals(41, count(s.v4Operations(), "Access"));
        assertEquals(900, count(s.v4Operations(), "GetAttr"));
        assertEquals(1200, count(s.v4Operations(), "PutFH"));
        assertEquals(30, count(s.v4Operations(), "Write"));
        assertEquals(2, count(s.v4Operations(), "RelLockOwner"));
        assertEquals(6, s.wdelegGetattr());
    }

    @Test
    void serverRejectsMalformedLines() {
        assertThrows(ParseException.class, () -> NfsServerStatsParser.parse("rc 1 2\n"));
        assertThrows(ParseException.class, () -> NfsServerStatsParser.parse("th 8\n"));
        assertThrows(ParseException.class, () -> NfsServerStatsParser.parse("proc4 3 1 2 3\n"));
        assertThrows(ParseException.class, () -> NfsServerStatsParser.parse("proc4ops 3 1 2 3\n"));
        assertThrows(ParseException.class, () -> NfsServerStatsParser.parse("io 1 -2\n"));
        assertThrows(ParseException.class, () -> NfsServerStatsParser.parse("newline 1\n"));
    }
}
