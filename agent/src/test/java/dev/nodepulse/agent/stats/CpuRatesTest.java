package dev.nodepulse.agent.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.nodepulse.agent.cadvisor.ContainerSnapshots;
import dev.nodepulse.cgroups.discovery.CgroupKind;
import dev.nodepulse.cgroups.discovery.DiscoveredCgroup;
import dev.nodepulse.cgroups.snapshot.CgroupSample;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import dev.nodepulse.cgroups.stats.CpuStats;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CpuRatesTest {

    /** A snapshot taken at {@code millis} holding cgroups "id=usageNanos" (no cpu controller when usage is null). */
    static CgroupSnapshot snap(long millis, Object... idAndUsage) {
        List<CgroupSample> samples = new ArrayList<>();
        for (int i = 0; i < idAndUsage.length; i += 2) {
            Long usage = (Long) idAndUsage[i + 1];
            CpuStats cpu = usage == null ? null : new CpuStats(usage, 0, 0, List.of(), false, 0, 0, 0, 0, 0);
            samples.add(new CgroupSample(new DiscoveredCgroup((String) idAndUsage[i], CgroupKind.RAW, null, null, null,
                    null), null, null, null, cpu, null, null, null, null, null));
        }
        return new CgroupSnapshot(millis, 0, null, samples, List.of(), 0, List.of());
    }

    @Test
    void rateBetweenTheTwoHousekeepingWalks() {
        // 25 s of CPU over 10 s: 2.5 cores.
        Map<String, Long> r = CpuRates.compute(snap(1_000, "/a", 1_000_000_000L), snap(11_000, "/a", 26_000_000_000L));
        assertEquals(Map.of("/a", 2_500_000_000L), r);
    }

    @Test
    void truncatedLikeGosUint64Conversion() {
        // 1000 ns over 3 ms = 333333.33... nanocores, truncated.
        assertEquals(333_333L, CpuRates.compute(snap(0, "/a", 5L), snap(3, "/a", 1005L)).get("/a"));
    }

    @Test
    void noRateWithoutTwoOrderedSamplesOfARisingCounter() {
        assertEquals(Map.of(), CpuRates.compute(null, snap(10, "/a", 5L)));
        assertEquals(Map.of(), CpuRates.compute(snap(10, "/a", 5L), snap(10, "/a", 9L)), "same time");
        assertEquals(Map.of(), CpuRates.compute(snap(20, "/a", 5L), snap(10, "/a", 9L)), "time going back");
        Map<String, Long> r = CpuRates.compute(snap(0, "/down", 900L, "/old", 1L, "/nocpu", null),
                snap(1000, "/down", 800L, "/new", 7L, "/nocpu", null, "/old", 1L));
        assertEquals(Map.of("/old", 0L), r, "a decrease, a new cgroup and one without cpu have no rate");
    }

    @Test
    void computedOncePerHousekeepingPair() {
        CpuRates rates = new CpuRates();
        ContainerSnapshots.Pair p = new ContainerSnapshots.Pair(snap(0, "/a", 0L), snap(1000, "/a", 500_000_000L));
        Map<String, Long> first = rates.of(p);
        assertEquals(500_000_000L, first.get("/a"));
        assertSame(first, rates.of(p));
        ContainerSnapshots.Pair q = new ContainerSnapshots.Pair(p.latest(), snap(2000, "/a", 600_000_000L));
        assertEquals(100_000_000L, rates.of(q).get("/a"));
    }

    @Test
    void summaryCpuCarriesTheRateOrZero() {
        CgroupSnapshot s = snap(5000, "/a", 42L, "/b", 7L, "/nocpu", null);
        Instant t = Instant.ofEpochMilli(5000);
        Map<String, Long> rates = Map.of("/a", 123L);
        assertEquals(new dev.nodepulse.kubelet.stats.CpuStats(t, 123L, 42L, null),
                SummaryBuilder.cpu(s.samples().get(0), rates, t, true));
        assertEquals(new dev.nodepulse.kubelet.stats.CpuStats(t, 0L, 7L, null),
                SummaryBuilder.cpu(s.samples().get(1), rates, t, true), "one sample: the kubelet's 0");
        assertEquals(new dev.nodepulse.kubelet.stats.CpuStats(t, 0L, 0L, null),
                SummaryBuilder.cpu(s.samples().get(2), rates, t, true), "no cpu controller: both 0, as the kubelet writes");
    }
}
