package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.dmi.DmiInfo;
import dev.nodepulse.procfs.sys.dmi.DmiReader;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * node_dmi_info from /sys/class/dmi/id, read once at start-up as node_exporter does (DMI data does not
 * change while the machine runs). Only attributes the agent could read become labels.
 */
public final class DmiCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("dmi", true,
            ctx -> new DmiCollector(read(ctx.paths())));

    /** Label name by attribute file; chassis_type and the like are not published. */
    static final Map<String, String> LABELS = labels();

    private static final String HELP = "A metric with a constant '1' value labeled by bios_date, bios_release, "
            + "bios_vendor, bios_version, board_asset_tag, board_name, board_serial, board_vendor, board_version, "
            + "chassis_asset_tag, chassis_serial, chassis_vendor, chassis_version, product_family, product_name, "
            + "product_serial, product_sku, product_uuid, product_version, system_vendor if provided by DMI.";

    private final String[] labelNames;
    private final String[] labelValues;

    public DmiCollector(DmiInfo dmi) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        LABELS.forEach((file, label) -> {
            String v = dmi.attributes().get(file);
            if (v != null) {
                names.add(label);
                values.add(v);
            }
        });
        this.labelNames = names.toArray(new String[0]);
        this.labelValues = values.toArray(new String[0]);
    }

    static DmiInfo read(HostPaths paths) throws IOException {
        try {
            return DmiReader.read(paths.sys("class", "dmi", "id"));
        } catch (NoSuchFileException e) {
            return new DmiInfo(Map.of());
        }
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        if (labelValues.length == 0) {
            throw new NoDataException("no DMI information");
        }
        sink.gauge("node_dmi_info", HELP, labelNames).add(1, labelValues);
    }

    private static Map<String, String> labels() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String same : new String[] {"bios_date", "bios_release", "bios_vendor", "bios_version",
                "board_asset_tag", "board_name", "board_serial", "board_vendor", "board_version", "chassis_asset_tag",
                "chassis_serial", "chassis_vendor", "chassis_version", "product_family", "product_name",
                "product_serial", "product_sku", "product_uuid", "product_version"}) {
            m.put(same, same);
        }
        m.put("sys_vendor", "system_vendor");
        return Map.copyOf(m);
    }
}
