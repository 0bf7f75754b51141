package dev.nodepulse.procfs.machine;

import java.util.Map;

/**
 * Static facts about the machine, what cAdvisor's machine info holds and the kubelet exports as
 * {@code machine_*}: read once at start-up.
 *
 * @param books        s390x CPU books, 0 on other architectures (as cAdvisor reports them)
 * @param drawers      s390x CPU drawers, 0 elsewhere
 * @param dimms        DIMM count and capacity per memory type from EDAC sysfs; empty when the host has no EDAC
 * @param noNvm        true when the host shows no NVDIMM region at all (so NVM capacity is truly 0); false when
 *                     it has some, whose split by mode cannot be read from sysfs
 * @param systemUuid   /sys/class/dmi/id/product_uuid, "" when absent (VMs without DMI, non-x86)
 */
public record MachineInfo(int cores, int physicalCores, int sockets, int books, int drawers, long memoryBytes,
                          long swapBytes, Map<String, Dimms> dimms, boolean noNvm, String bootId, String machineId,
                          String systemUuid, String kernelVersion, String osVersion) {

    /** DIMMs of one memory type. */
    public record Dimms(int count, long capacityBytes) {}

    public MachineInfo {
        dimms = Map.copyOf(dimms);
    }
}
