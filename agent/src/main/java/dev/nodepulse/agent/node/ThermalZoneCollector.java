package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.CoolingDevice;
import dev.nodepulse.procfs.sys.SysfsErrors;
import dev.nodepulse.procfs.sys.ThermalZone;
import dev.nodepulse.procfs.sys.ThermalZoneReader;
import java.io.IOException;
import java.util.List;

/** Zone temperatures and cooling device states from /sys/class/thermal. */
public final class ThermalZoneCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("thermal_zone", true,
            ctx -> new ThermalZoneCollector(ctx.paths()));

    private static final Log LOG = Log.get(ThermalZoneCollector.class);

    private final HostPaths paths;

    public ThermalZoneCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<ThermalZone> zones;
        try {
            zones = ThermalZoneReader.zones(paths.sysfs());
        } catch (IOException e) {
            if (SysfsErrors.ignorable(e)) {
                LOG.debug("Could not read thermal zone stats", "err", e.toString());
                throw new NoDataException("no thermal zones: " + e.getMessage());
            }
            throw e;
        }
        Family temp = sink.gauge("node_thermal_zone_temp", "Zone temperature in Celsius", "zone", "type");
        for (ThermalZone z : zones) {
            // published even when the temperature could not be read (then 0), as node_exporter 1.12 does
            temp.add(z.tempMilliCelsius() / 1000.0, z.name(), z.type());
        }
        List<CoolingDevice> devices = ThermalZoneReader.coolingDevices(paths.sysfs());
        Family cur = sink.gauge("node_cooling_device_cur_state", "Current throttle state of the cooling device",
                "name", "type");
        Family max = sink.gauge("node_cooling_device_max_state", "Maximum throttle state of the cooling device",
                "name", "type");
        for (CoolingDevice d : devices) {
            cur.add(d.curState(), d.name(), d.type());
            max.add(d.maxState(), d.name(), d.type());
        }
    }
}
