package dev.nodepulse.procfs.netlink;

/**
 * One station (peer) of a wireless interface, as NL80211_CMD_GET_STATION reports it. Bit rates are in
 * bits per second, signal in dBm, times in seconds.
 */
public record WifiStation(String hardwareAddress, double connectedSeconds, double inactiveSeconds,
                          long receivedBytes, long transmittedBytes, long receivedPackets,
                          long transmittedPackets, long receiveBitrate, long transmitBitrate, long signalDbm,
                          long transmitRetries, long transmitFailed, long beaconLoss) {}
