package dev.nodepulse.cgroups.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.nodepulse.cgroups.runtime.RuntimeKind;
import org.junit.jupiter.api.Test;

class CgroupNamingTest {

    static final String ID = "9f2c4b7a1d3e5f60718293a4b5c6d7e8f9012345678901234567890abcdef012";

    @Test
    void podUidsOfBothDrivers() {
        assertEquals("7d3f2c1e-5a6b-4c8d-9e0f-0123456789ab", CgroupNaming.podUid("pod7d3f2c1e-5a6b-4c8d-9e0f-0123456789ab"));
        assertEquals("7d3f2c1e-5a6b-4c8d-9e0f-0123456789ab",
                CgroupNaming.podUid("kubepods-burstable-pod7d3f2c1e_5a6b_4c8d_9e0f_0123456789ab.slice"));
        assertEquals("7d3f2c1e-5a6b-4c8d-9e0f-0123456789ab",
                CgroupNaming.podUid("kubepods-pod7d3f2c1e_5a6b_4c8d_9e0f_0123456789ab.slice"));
        assertNull(CgroupNaming.podUid("kubepods-burstable.slice"));
        assertNull(CgroupNaming.podUid("system.slice"));
        assertNull(CgroupNaming.podUid("podcast"));
    }

    @Test
    void qosSlices() {
        assertEquals(QosClass.BURSTABLE, CgroupNaming.qosOf("burstable"));
        assertEquals(QosClass.BESTEFFORT, CgroupNaming.qosOf("kubepods-besteffort.slice"));
        assertNull(CgroupNaming.qosOf("pod1234"));
    }

    @Test
    void containerNamesOfEachRuntime() {
        assertEquals(new CgroupNaming.ContainerName(ID, RuntimeKind.CONTAINERD),
                CgroupNaming.container("cri-containerd-" + ID + ".scope"));
        assertEquals(new CgroupNaming.ContainerName(ID, RuntimeKind.CRIO), CgroupNaming.container("crio-" + ID + ".scope"));
        assertEquals(new CgroupNaming.ContainerName(ID, RuntimeKind.CRIO), CgroupNaming.container("crio-" + ID));
        assertEquals(new CgroupNaming.ContainerName(ID, RuntimeKind.DOCKER), CgroupNaming.container("docker-" + ID + ".scope"));
        assertEquals(new CgroupNaming.ContainerName(ID, null), CgroupNaming.container(ID));
        assertNull(CgroupNaming.container("crio-conmon-" + ID + ".scope"));
        assertNull(CgroupNaming.container("var-lib-kubelet.mount"));
        assertNull(CgroupNaming.container("init.scope"));
        assertNull(CgroupNaming.container("podman-" + ID + ".scope"));
        assertNull(CgroupNaming.container(ID.substring(1)));
    }
}
