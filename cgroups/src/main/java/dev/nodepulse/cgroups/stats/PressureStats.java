package dev.nodepulse.cgroups.stats;

/** v2 PSI of one cgroup. A resource is null when its *.pressure file is missing (v1, PSI disabled). */
public record PressureStats(Psi cpu, Psi memory, Psi io) {

    public boolean any() {
        return cpu != null || memory != null || io != null;
    }
}
