package dev.nodepulse.agent.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The side-by-side comparison must be able to fail: each kind of difference is caught. */
class ExporterComparisonTest {

    private static final String REFERENCE = """
            # TYPE node_memory_MemTotal_bytes gauge
            node_memory_MemTotal_bytes 2.5e+10
            # TYPE node_memory_MemFree_bytes gauge
            node_memory_MemFree_bytes 2.0e+10
            # TYPE node_cpu_seconds_total counter
            node_cpu_seconds_total{cpu="0",mode="idle"} 100.5
            node_cpu_seconds_total{cpu="0",mode="user"} 20
            # TYPE node_disk_info gauge
            node_disk_info{device="vda",major="254"} 1
            # TYPE node_netstat_Tcp_InSegs untyped
            node_netstat_Tcp_InSegs 500
            # TYPE go_goroutines gauge
            go_goroutines 8
            """;

    private static String agent(double memTotal, double memFree, double idle, String diskLabels, String inSegsType,
            double inSegs) {
        return """
                # TYPE node_memory_MemTotal_bytes gauge
                node_memory_MemTotal_bytes %s
                # TYPE node_memory_MemFree_bytes gauge
                node_memory_MemFree_bytes %s
                # TYPE node_cpu_seconds_total counter
                node_cpu_seconds_total{cpu="0",mode="idle"} %s
                node_cpu_seconds_total{cpu="0",mode="user"} 20.0
                # TYPE node_disk_info gauge
                node_disk_info{%s} 1.0
                # TYPE node_netstat_Tcp_InSegs %s
                node_netstat_Tcp_InSegs %s
                """.formatted(memTotal, memFree, idle, diskLabels, inSegsType, inSegs);
    }

    private static final String DISK = "device=\"vda\",major=\"254\",rotational=\"1\"";

    private static ExporterComparison.Rules rules() {
        return new ExporterComparison.Rules()
                .ignore("go_.*", "Go runtime")
                .check(ExporterComparison.Check.EXACT, "host constant", "node_memory_MemTotal_bytes")
                .counterLike("node_netstat_.*", "kernel counters, untyped upstream")
                .agentOnlyLabel("node_disk_info", "rotational", "added upstream after the reference");
    }

    private static ExporterComparison.Report compare(String before, String after) {
        return ExporterComparison.compare(Scrape.parse(before), Scrape.parse(REFERENCE), Scrape.parse(after), rules());
    }

    @Test
    void consistentReadingsAreTheSame() {
        ExporterComparison.Report r = compare(agent(2.5e10, 2.01e10, 100.4, DISK, "untyped", 499),
                agent(2.5e10, 1.99e10, 100.6, DISK, "untyped", 501));
        assertTrue(r.ok(), r.render());
        assertEquals(5, r.compared().size());
        assertFalse(r.comparedFamilies().contains("go_goroutines"));
    }

    @Test
    void constantThatDiffersIsReported() {
        ExporterComparison.Report r = compare(agent(2.4e10, 2e10, 100.4, DISK, "untyped", 499),
                agent(2.4e10, 2e10, 100.6, DISK, "untyped", 501));
        assertEquals(List.of("node_memory_MemTotal_bytes"), r.differing().stream().map(ExporterComparison.FamilyResult::family).toList());
    }

    @Test
    void counterOutsideTheBracketIsReported() {
        ExporterComparison.Report r = compare(agent(2.5e10, 2e10, 100.6, DISK, "untyped", 499),
                agent(2.5e10, 2e10, 100.7, DISK, "untyped", 501));
        assertEquals(List.of("node_cpu_seconds_total"), r.differing().stream().map(ExporterComparison.FamilyResult::family).toList());
        // The untyped kernel counter is bracketed too.
        r = compare(agent(2.5e10, 2e10, 100.4, DISK, "untyped", 501), agent(2.5e10, 2e10, 100.6, DISK, "untyped", 502));
        assertEquals(List.of("node_netstat_Tcp_InSegs"), r.differing().stream().map(ExporterComparison.FamilyResult::family).toList());
    }

    @Test
    void gaugeInTheWrongUnitIsReported() {
        ExporterComparison.Report r = compare(agent(2.5e10, 2e10 / 1024, 100.4, DISK, "untyped", 499),
                agent(2.5e10, 2e10 / 1024, 100.6, DISK, "untyped", 501));
        assertEquals(List.of("node_memory_MemFree_bytes"), r.differing().stream().map(ExporterComparison.FamilyResult::family).toList());
    }

    @Test
    void labelSetAndTypeDifferencesAreReported() {
        String otherDisk = "device=\"vdb\",major=\"254\",rotational=\"1\"";
        ExporterComparison.Report r = compare(agent(2.5e10, 2e10, 100.4, otherDisk, "gauge", 499),
                agent(2.5e10, 2e10, 100.6, otherDisk, "gauge", 501));
        assertEquals(List.of("node_disk_info", "node_netstat_Tcp_InSegs"),
                r.differing().stream().map(ExporterComparison.FamilyResult::family).toList());
        assertTrue(r.render().contains("type gauge in the agent, untyped in the reference"), r.render());
    }

    @Test
    void familyMissingFromTheAgentFails() {
        String noFree = agent(2.5e10, 2e10, 100.4, DISK, "untyped", 499).lines().filter(l -> !l.contains("MemFree")).reduce("", (a, l) -> a + l + "\n");
        ExporterComparison.Report r = compare(noFree, noFree);
        assertEquals(List.of("node_memory_MemFree_bytes"), r.onlyInReference());
        assertFalse(r.ok());
    }
}
