package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.MetricKind;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.natives.Sysconf;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SockstatCollectorTest {

    @TempDir
    Path tmp;

    private static final String V4 = "sockets: used 229\nTCP: inuse 4 orphan 0 tw 4 alloc 17 mem 1\n"
            + "UDP: inuse 0 mem 0\nUDPLITE: inuse 0\nRAW: inuse 0\nFRAG: inuse 0 memory 0\n";
    private static final String V6 = "TCP6: inuse 17\nUDP6: inuse 9\nUDPLITE6: inuse 0\nRAW6: inuse 1\nFRAG6: inuse 0 memory 0\n";

    private static Rendered collect(HostPaths paths, long pageSize) throws Exception {
        MetricSink sink = new MetricSink();
        new SockstatCollector(paths, pageSize).update(sink);
        return Rendered.of(sink);
    }

    @Test
    void bothFiles() throws Exception {
        FakeHost t = new FakeHost(tmp).proc("net/sockstat", V4).proc("net/sockstat6", V6);
        Rendered r = collect(t.paths, 4096);
        assertEquals(Set.of("node_sockstat_sockets_used", "node_sockstat_TCP_inuse", "node_sockstat_TCP_orphan",
                "node_sockstat_TCP_tw", "node_sockstat_TCP_alloc", "node_sockstat_TCP_mem", "node_sockstat_TCP_mem_bytes",
                "node_sockstat_UDP_inuse", "node_sockstat_UDP_mem", "node_sockstat_UDP_mem_bytes",
                "node_sockstat_UDPLITE_inuse", "node_sockstat_RAW_inuse", "node_sockstat_FRAG_inuse",
                "node_sockstat_FRAG_memory", "node_sockstat_TCP6_inuse", "node_sockstat_UDP6_inuse",
                "node_sockstat_UDPLITE6_inuse", "node_sockstat_RAW6_inuse", "node_sockstat_FRAG6_inuse",
                "node_sockstat_FRAG6_memory"),
                r.families.stream().map(MetricFamily::name).collect(Collectors.toSet()));
        assertEquals(229, r.value("node_sockstat_sockets_used"));
        assertEquals("Number of IPv4 sockets in use.", r.get("node_sockstat_sockets_used").help());
        assertEquals(17, r.value("node_sockstat_TCP_alloc"));
        assertEquals(4096, r.value("node_sockstat_TCP_mem_bytes"));
        assertEquals("Number of TCP sockets in state mem_bytes.", r.get("node_sockstat_TCP_mem_bytes").help());
        assertEquals(17, r.value("node_sockstat_TCP6_inuse"));
        assertEquals(MetricKind.GAUGE, r.get("node_sockstat_TCP6_inuse").kind());
    }

    @Test
    void memBytesUsesThePageSizeGiven() throws Exception {
        FakeHost t = new FakeHost(tmp).proc("net/sockstat", "TCP: inuse 1 mem 3\n");
        assertEquals(3 * 65536, collect(t.paths, 65536).value("node_sockstat_TCP_mem_bytes"));
        // The agent's own SPEC takes the page size from sysconf(3); on this host as getconf reports it.
        Process p = new ProcessBuilder("getconf", "PAGESIZE").start();
        String page = new String(p.getInputStream().readAllBytes()).strip();
        p.waitFor();
        if (page.matches("\\d+")) {
            assertEquals(Long.parseLong(page), Sysconf.pageSize());
        }
    }

    @Test
    void inuseIsAlwaysPublished() throws Exception {
        FakeHost t = new FakeHost(tmp).proc("net/sockstat", "XYZ: orphan 2\n");
        Rendered r = collect(t.paths, 4096);
        assertEquals(0, r.value("node_sockstat_XYZ_inuse"));
        assertEquals(2, r.value("node_sockstat_XYZ_orphan"));
        assertFalse(r.family("node_sockstat_sockets_used").isPresent());
    }

    @Test
    void missingFilesAreNotAnError() throws Exception {
        Rendered none = collect(new FakeHost(tmp).paths, 4096);
        assertTrue(none.families.isEmpty());
        Rendered onlyV6 = collect(new FakeHost(tmp.resolve("v6")).proc("net/sockstat6", V6).paths, 4096);
        assertEquals(6, onlyV6.families.size()); // five inuse and FRAG6_memory
    }

    @Test
    void malformedFileFails() throws Exception {
        FakeHost t = new FakeHost(tmp).proc("net/sockstat", "TCP: inuse\n");
        IOException e = assertThrows(IOException.class, () -> collect(t.paths, 4096));
        assertTrue(e.getMessage().startsWith("failed to get IPv4 sockstat data"), e.getMessage());
    }

    @Test
    void liveHost() throws Exception {
        Path f = Path.of("/proc/net/sockstat");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isReadable(f));
        Rendered r = collect(HostPaths.defaults(), Sysconf.pageSize());
        String tcp = Files.readAllLines(f).stream().filter(l -> l.startsWith("TCP:")).findFirst().orElseThrow();
        assertTrue(r.family("node_sockstat_TCP_inuse").isPresent());
        assertTrue(r.family("node_sockstat_sockets_used").isPresent());
        // mem is in pages: bytes = pages x page size (both read in the same scrape).
        assertEquals(r.value("node_sockstat_TCP_mem") * Sysconf.pageSize(), r.value("node_sockstat_TCP_mem_bytes"));
        assertTrue(tcp.contains(" mem "));
    }
}
