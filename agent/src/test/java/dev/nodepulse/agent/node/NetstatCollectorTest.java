package dev.nodepulse.agent.node;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.metrics.text.MetricFamily;
import dev.nodepulse.metrics.text.MetricKind;
import dev.nodepulse.procfs.HostPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetstatCollectorTest {

    @TempDir
    Path tmp;

    private static final Pattern DEFAULT = Pattern.compile(NetstatCollector.DEFAULT_FIELDS);

    private FakeHost tree() throws IOException {
        return new FakeHost(tmp)
                .proc("net/netstat", "TcpExt: SyncookiesSent ListenOverflows ListenDrops TCPTimeouts PruneCalled\n"
                        + "TcpExt: 1 2 3 4 5\nIpExt: InNoRoutes InOctets OutOctets\nIpExt: 0 6286396970 2786264347\n")
                .proc("net/snmp", "Ip: Forwarding DefaultTTL InReceives\nIp: 1 64 99\n"
                        + "Tcp: RtoAlgorithm MaxConn ActiveOpens CurrEstab InErrs\nTcp: 1 -1 3556 0 5\n"
                        + "Udp: InDatagrams NoPorts InErrors\nUdp: 88542 120 0\n")
                .proc("net/snmp6", "Ip6InReceives                   \t7\nIp6InOctets 460\nIcmp6InMsgs 0\n"
                        + "Icmp6OutMsgs 8\nUdp6InDatagrams 0\nUdp6IgnoredMulti 3\n");
    }

    private static Rendered collect(HostPaths paths, Pattern fields) throws Exception {
        MetricSink sink = new MetricSink();
        new NetstatCollector(paths, fields).update(sink);
        return Rendered.of(sink);
    }

    @Test
    void defaultFieldsFromAllThreeFiles() throws Exception {
        Rendered r = collect(tree().paths, DEFAULT);
        assertEquals(new TreeSet<>(Set.of("node_netstat_TcpExt_SyncookiesSent", "node_netstat_TcpExt_ListenOverflows",
                "node_netstat_TcpExt_ListenDrops", "node_netstat_TcpExt_TCPTimeouts", "node_netstat_IpExt_InOctets",
                "node_netstat_IpExt_OutOctets", "node_netstat_Ip_Forwarding", "node_netstat_Tcp_ActiveOpens",
                "node_netstat_Tcp_CurrEstab", "node_netstat_Tcp_InErrs", "node_netstat_Udp_InDatagrams",
                "node_netstat_Udp_NoPorts", "node_netstat_Udp_InErrors", "node_netstat_Ip6_InOctets",
                "node_netstat_Icmp6_InMsgs", "node_netstat_Icmp6_OutMsgs", "node_netstat_Udp6_InDatagrams")),
                r.families.stream().map(MetricFamily::name).collect(Collectors.toCollection(TreeSet::new)));
        MetricFamily octets = r.get("node_netstat_IpExt_InOctets");
        assertEquals(MetricKind.UNTYPED, octets.kind());
        assertEquals("Statistic IpExtInOctets.", octets.help());
        assertEquals(6286396970.0, octets.samples().get(0).value());
        assertEquals(460, r.value("node_netstat_Ip6_InOctets"));
        assertEquals(8, r.value("node_netstat_Icmp6_OutMsgs"));
        assertEquals(5, r.value("node_netstat_Tcp_InErrs"));
    }

    @Test
    void fieldsFlag() throws Exception {
        Rendered all = collect(tree().paths, null);
        assertEquals(-1, all.value("node_netstat_Tcp_MaxConn"));
        assertEquals(3, all.value("node_netstat_Udp6_IgnoredMulti"));
        assertEquals(5 + 3 + 3 + 5 + 3 + 6, all.families.size());
        Rendered some = collect(tree().paths, Pattern.compile("^Tcp_"));
        assertEquals(Set.of("node_netstat_Tcp_RtoAlgorithm", "node_netstat_Tcp_MaxConn", "node_netstat_Tcp_ActiveOpens",
                "node_netstat_Tcp_CurrEstab", "node_netstat_Tcp_InErrs"),
                some.families.stream().map(MetricFamily::name).collect(Collectors.toSet()));
    }

    @Test
    void missingSnmp6IsFineMissingNetstatIsNot() throws Exception {
        FakeHost t = tree();
        Files.delete(t.paths.proc("net/snmp6"));
        Rendered r = collect(t.paths, DEFAULT);
        assertTrue(r.family("node_netstat_Tcp_CurrEstab").isPresent());
        assertFalse(r.family("node_netstat_Ip6_InOctets").isPresent());
        Files.delete(t.paths.proc("net/netstat"));
        IOException e = assertThrows(IOException.class, () -> collect(t.paths, DEFAULT));
        assertTrue(e.getMessage().startsWith("couldn't get netstats"), e.getMessage());
    }

    @Test
    void malformedFileFailsTheCollector() throws Exception {
        FakeHost t = tree().proc("net/snmp", "Ip: Forwarding DefaultTTL\nIp: 1\n");
        IOException e = assertThrows(IOException.class, () -> collect(t.paths, DEFAULT));
        assertTrue(e.getMessage().startsWith("couldn't get SNMP stats"), e.getMessage());
    }

    /** On this host: the families published are exactly the matching names of the three files' headers. */
    @Test
    void liveHostNames() throws Exception {
        Path snmp = Path.of("/proc/net/snmp");
        assumeTrue(Files.isReadable(snmp) && Files.isReadable(Path.of("/proc/net/netstat")));
        Set<String> expected = new TreeSet<>();
        for (String file : new String[] {"/proc/net/netstat", "/proc/net/snmp"}) {
            String[] lines = Files.readString(Path.of(file)).split("\n");
            for (int i = 0; i < lines.length; i += 2) {
                String[] names = lines[i].split(" ");
                String proto = names[0].replace(":", "");
                for (int k = 1; k < names.length; k++) {
                    if (DEFAULT.matcher(proto + "_" + names[k]).find()) {
                        expected.add("node_netstat_" + proto + "_" + names[k]);
                    }
                }
            }
        }
        Path snmp6 = Path.of("/proc/net/snmp6");
        if (Files.isReadable(snmp6)) {
            for (String line : Files.readAllLines(snmp6)) {
                String name = line.trim().split("\\s+")[0];
                int six = name.indexOf('6');
                String key = name.substring(0, six + 1) + "_" + name.substring(six + 1);
                if (DEFAULT.matcher(key).find()) {
                    expected.add("node_netstat_" + key);
                }
            }
        }
        Rendered r = collect(HostPaths.defaults(), DEFAULT);
        assertEquals(expected, r.families.stream().map(MetricFamily::name).collect(Collectors.toCollection(TreeSet::new)));
        assertEquals(Double.parseDouble(Files.readAllLines(snmp).get(1).split(" ")[1]), r.value("node_netstat_Ip_Forwarding"));
    }
}
