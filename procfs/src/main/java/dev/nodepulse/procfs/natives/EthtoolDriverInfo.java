package dev.nodepulse.procfs.natives;

/**
 * struct ethtool_drvinfo (ETHTOOL_GDRVINFO): the driver's identity and the number of entries of its
 * statistics string set. Text fields are cut at their first NUL.
 */
public record EthtoolDriverInfo(String driver, String version, String firmwareVersion, String busInfo,
                                String expansionRomVersion, long privateFlags, long statsCount) {}
