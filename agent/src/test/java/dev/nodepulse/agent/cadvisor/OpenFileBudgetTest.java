package dev.nodepulse.agent.cadvisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The kept-open cgroup files fit in the process's fd limit with room left for everything else. */
class OpenFileBudgetTest {

    @Test
    void leavesAReserveBelowTheFdLimit() {
        assertEquals(32768, ContainerMetrics.openFileBudget(32768, 1_048_576), "containerd's default limit: the flag");
        assertEquals(20000 - 1250, ContainerMetrics.openFileBudget(32768, 20000), "1/16 of the limit kept back");
        assertEquals(65536 - 4096, ContainerMetrics.openFileBudget(100_000, 65536));
        assertEquals(4096 - 1024, ContainerMetrics.openFileBudget(32768, 4096), "at least 1024 kept back");
        assertEquals(512, ContainerMetrics.openFileBudget(32768, 1024), "half of a small limit");
        assertEquals(0, ContainerMetrics.openFileBudget(0, 20000), "0 opens every file per read");
        assertEquals(100, ContainerMetrics.openFileBudget(100, 20000));
    }
}
