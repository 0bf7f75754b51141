package dev.nodepulse.procfs.natives;

/**
 * The legacy struct ethtool_cmd (ETHTOOL_GSET): the first 32 link mode bits the device supports and
 * advertises (bit numbers of enum ethtool_link_mode_bit_indices), speed in Mb/s (0xffffffff when
 * unknown), duplex (0 half, 1 full, 0xff unknown), port type, and autoneg (1 when autonegotiation is on).
 */
public record EthtoolLinkSettings(long supported, long advertising, long speedMbps, int duplex, int port,
                                  int autoneg) {}
