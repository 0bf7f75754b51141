package dev.nodepulse.agent.stats;

import dev.nodepulse.agent.cadvisor.ContainerSnapshots;
import dev.nodepulse.cgroups.snapshot.CgroupSample;
import dev.nodepulse.cgroups.snapshot.CgroupSnapshot;
import java.util.HashMap;
import java.util.Map;

/**
 * usageNanoCores per cgroup: the CPU rate between the housekeeping loop's two latest walks, as cAdvisor computes its
 * "instantaneous" CPU from its last two samples (info/v2 InstCpuStats): (usage2 - usage1) / (t2 - t1) in
 * nanoseconds, times 1e9, in floating point and truncated. A cgroup seen in one walk only, a counter that went
 * down, or walks not in time order give no rate, and the kubelet then reports 0.
 */
public final class CpuRates {

    private ContainerSnapshots.Pair computedFor;
    private Map<String, Long> rates = Map.of();

    /** The rates of {@code pair}, computed once per housekeeping pair. */
    public synchronized Map<String, Long> of(ContainerSnapshots.Pair pair) {
        if (pair != computedFor) {
            rates = compute(pair.previous(), pair.latest());
            computedFor = pair;
        }
        return rates;
    }

    static Map<String, Long> compute(CgroupSnapshot previous, CgroupSnapshot latest) {
        if (previous == null || latest == null) {
            return Map.of();
        }
        long dtNanos = (latest.timestampMillis() - previous.timestampMillis()) * 1_000_000L;
        if (dtNanos <= 0) {
            return Map.of();
        }
        Map<String, Long> before = new HashMap<>(previous.samples().size() * 2);
        for (CgroupSample s : previous.samples()) {
            if (s.cpu() != null) {
                before.put(s.id(), s.cpu().usageNanos());
            }
        }
        Map<String, Long> out = new HashMap<>(latest.samples().size() * 2);
        for (CgroupSample s : latest.samples()) {
            Long was = s.cpu() == null ? null : before.get(s.id());
            if (was == null) {
                continue;
            }
            long now = s.cpu().usageNanos();
            if (Long.compareUnsigned(now, was) < 0) {
                continue;
            }
            out.put(s.id(), (long) ((double) (now - was) / (double) dtNanos * 1e9));
        }
        return out;
    }
}
