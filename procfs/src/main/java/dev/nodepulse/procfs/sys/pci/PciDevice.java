package dev.nodepulse.procfs.sys.pci;

/**
 * /sys/bus/pci/devices/&lt;location&gt;. Optional attributes are null when the device does not have them
 * (or the kernel reports them as unknown). Link speeds are in GT/s.
 */
public record PciDevice(Location location, Location parent, int classId, int vendor, int device,
                        int subsystemVendor, int subsystemDevice, int revision, Integer numaNode,
                        Double maxLinkSpeed, Double maxLinkWidth, Double currentLinkSpeed, Double currentLinkWidth,
                        Boolean sriovDriversAutoprobe, Long sriovNumvfs, Long sriovTotalvfs, Long sriovVfTotalMsix,
                        Boolean d3coldAllowed, String powerState) {

    /** segment:bus:device.function, as hex numbers. */
    public record Location(int segment, int bus, int device, int function) {

        /** The four label values: "0000", "01", "00", "0". */
        public String[] strings() {
            return new String[] {String.format("%04x", segment), String.format("%02x", bus),
                    String.format("%02x", device), Integer.toHexString(function)};
        }
    }
}
