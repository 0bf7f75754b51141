package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.pci.PciDevice;
import dev.nodepulse.procfs.sys.pci.PciDeviceReader;
import dev.nodepulse.procfs.sys.pci.PciIds;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * PCI devices from /sys/bus/pci/devices (off by default, as upstream): identity, PCIe link speed and width,
 * NUMA node, SR-IOV and power state. With --collector.pcidevice.names the info series also carry names
 * from a pci.ids file (--collector.pcidevice.idsfile, else /usr/share/misc/pci.ids or
 * /usr/share/hwdata/pci.ids, read once at start-up). Unknown link values are published as -1.
 */
public final class PciDeviceCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("pcidevice", false,
            ctx -> new PciDeviceCollector(ctx.paths(),
                    ctx.bool("names") ? PciIds.load(ctx.string("idsfile")) : null),
            Flag.string("collector.pcidevice.idsfile", "", "Path to pci.ids file to use for PCI device identification."),
            Flag.bool("collector.pcidevice.names", false, "Enable PCI device name resolution (requires pci.ids file)."));

    private static final String[] LOCATION = {"segment", "bus", "device", "function"};
    private static final List<String> POWER_STATES = List.of("D0", "D1", "D2", "D3hot", "D3cold", "unknown", "error");

    private final HostPaths paths;
    private final PciIds names;

    /** @param names null unless name resolution is on */
    public PciDeviceCollector(HostPaths paths, PciIds names) {
        this.paths = paths;
        this.names = names;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<PciDevice> devices;
        try {
            devices = PciDeviceReader.read(paths.sys("bus", "pci", "devices"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("PCI devices not found");
        }
        List<String> infoLabels = new ArrayList<>(Arrays.asList(LOCATION));
        infoLabels.addAll(List.of("parent_segment", "parent_bus", "parent_device", "parent_function", "class_id",
                "vendor_id", "device_id", "subsystem_vendor_id", "subsystem_device_id", "revision"));
        if (names != null) {
            infoLabels.addAll(List.of("vendor_name", "device_name", "subsystem_vendor_name", "subsystem_device_name",
                    "class_name"));
        }
        Family info = sink.gauge("node_pcidevice_info",
                "Non-numeric data from /sys/bus/pci/devices/<location>, value is always 1.",
                infoLabels.toArray(new String[0]));
        Family maxSpeed = gauge(sink, "max_link_transfers_per_second", "Value of maximum link's transfers per second (T/s)");
        Family maxWidth = gauge(sink, "max_link_width", "Value of maximum link's width (number of lanes)");
        Family curSpeed = gauge(sink, "current_link_transfers_per_second",
                "Value of current link's transfers per second (T/s)");
        Family curWidth = gauge(sink, "current_link_width", "Value of current link's width (number of lanes)");
        Family d3cold = gauge(sink, "d3cold_allowed", "Whether the PCIe device supports D3cold power state (0/1).");
        Family autoprobe = gauge(sink, "sriov_drivers_autoprobe",
                "Whether SR-IOV drivers autoprobe is enabled for the device (0/1).");
        Family numvfs = gauge(sink, "sriov_numvfs", "Number of Virtual Functions (VFs) currently enabled for SR-IOV.");
        Family totalvfs = gauge(sink, "sriov_totalvfs", "Total number of Virtual Functions (VFs) supported by the device.");
        Family msix = gauge(sink, "sriov_vf_total_msix", "Total number of MSI-X vectors for Virtual Functions.");
        Family power = sink.gauge("node_pcidevice_power_state",
                "PCIe device power state, one of: D0, D1, D2, D3hot, D3cold, unknown or error.",
                "segment", "bus", "device", "function", "state");
        Family numa = gauge(sink, "numa_node", "NUMA node number for the PCI device. -1 indicates unknown or not available.");

        for (PciDevice d : devices) {
            String[] loc = d.location().strings();
            List<String> values = new ArrayList<>(Arrays.asList(loc));
            values.addAll(Arrays.asList(d.parent() != null ? d.parent().strings() : new String[] {"*", "*", "*", "*"}));
            String classId = String.format("0x%06x", d.classId());
            String vendorId = String.format("0x%04x", d.vendor());
            String deviceId = String.format("0x%04x", d.device());
            String subVendorId = String.format("0x%04x", d.subsystemVendor());
            String subDeviceId = String.format("0x%04x", d.subsystemDevice());
            values.addAll(List.of(classId, vendorId, deviceId, subVendorId, subDeviceId,
                    String.format("0x%02x", d.revision())));
            if (names != null) {
                values.addAll(List.of(names.vendorName(vendorId), names.deviceName(vendorId, deviceId),
                        names.vendorName(subVendorId), names.subsystemName(vendorId, deviceId, subVendorId, subDeviceId),
                        names.className(classId)));
            }
            info.add(1, values.toArray(new String[0]));

            maxSpeed.add(d.maxLinkSpeed() != null ? d.maxLinkSpeed() * 1e9 : -1, loc);
            maxWidth.add(d.maxLinkWidth() != null ? d.maxLinkWidth() : -1, loc);
            curSpeed.add(d.currentLinkSpeed() != null ? d.currentLinkSpeed() * 1e9 : -1, loc);
            curWidth.add(d.currentLinkWidth() != null ? d.currentLinkWidth() : -1, loc);
            d3cold.add(Boolean.TRUE.equals(d.d3coldAllowed()) ? 1 : 0, loc);
            autoprobe.add(Boolean.TRUE.equals(d.sriovDriversAutoprobe()) ? 1 : 0, loc);
            numvfs.add(d.sriovNumvfs() != null ? d.sriovNumvfs() : 0, loc);
            totalvfs.add(d.sriovTotalvfs() != null ? d.sriovTotalvfs() : 0, loc);
            msix.add(d.sriovVfTotalMsix() != null
                    ? dev.nodepulse.procfs.io.Numbers.unsignedToDouble(d.sriovVfTotalMsix()) : 0, loc);
            if (d.powerState() != null) {
                for (String state : POWER_STATES) {
                    power.add(state.equals(d.powerState()) ? 1 : 0, loc[0], loc[1], loc[2], loc[3], state);
                }
            }
            if (d.numaNode() != null && d.numaNode() != -1) {
                numa.add(d.numaNode(), loc);
            }
        }
    }

    private static Family gauge(MetricSink sink, String name, String help) {
        return sink.gauge("node_pcidevice_" + name, help, LOCATION);
    }
}
