package dev.nodepulse.procfs.sys.drm;

/**
 * One amdgpu card under /sys/class/drm/card&lt;N&gt;/device. Numbers are unsigned 64-bit values held as raw long
 * bits and are 0 where the driver does not offer the attribute; text attributes are "" then.
 */
public record AmdgpuCard(String name, long gpuBusyPercent, long memoryGttSize, long memoryGttUsed,
                         long memoryVisibleVramSize, long memoryVisibleVramUsed, long memoryVramSize,
                         long memoryVramUsed, String memoryVramVendor, String powerDpmForcePerformanceLevel,
                         String uniqueId) {}
