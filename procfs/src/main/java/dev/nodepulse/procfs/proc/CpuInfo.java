package dev.nodepulse.procfs.proc;

import java.util.List;

/**
 * One logical CPU of /proc/cpuinfo. Which fields are filled depends on the architecture's format (x86 fills
 * nearly all; arm64 only processor, BogoMIPS and the features as {@code flags}); absent text fields are "",
 * absent numbers 0, as in the procfs library node_exporter uses.
 */
public record CpuInfo(
        long processor,
        String vendorId,
        String cpuFamily,
        String model,
        String modelName,
        String stepping,
        String microcode,
        double cpuMHz,
        String cacheSize,
        String physicalId,
        long siblings,
        String coreId,
        long cpuCores,
        String apicId,
        String initialApicId,
        String fpu,
        String fpuException,
        long cpuidLevel,
        String wp,
        List<String> flags,
        List<String> bugs,
        double bogoMips,
        long clflushSize,
        long cacheAlignment,
        String addressSizes,
        String powerManagement) {

    public CpuInfo {
        flags = List.copyOf(flags);
        bugs = List.copyOf(bugs);
    }
}
