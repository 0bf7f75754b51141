package dev.nodepulse.procfs.netlink;

/**
 * A wireless interface as nl80211 describes it (NL80211_CMD_GET_INTERFACE). {@code type} is the nl80211
 * interface type (2 station, 3 access point, ...); {@code frequencyMhz} is 0 when unknown. Virtual
 * devices without a netdev (P2P device) have an empty name.
 */
public record WifiInterface(int index, String name, String hardwareAddress, int phy, int type,
                            int frequencyMhz) {}
