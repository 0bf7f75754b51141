package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorContext;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.DeviceFilter;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.log.Log;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Diskstats;
import dev.nodepulse.procfs.proc.DiskstatsParser;
import dev.nodepulse.procfs.udev.UdevDataParser;
import dev.nodepulse.procfs.udev.UdevProperties;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * node_disk_* from /proc/diskstats, with node_disk_info and friends labelled from the udev database and
 * /sys/block/&lt;dev&gt;/queue/rotational, like node_exporter's diskstats collector on Linux.
 */
public final class DiskstatsCollector implements Collector {

    static final String DEFAULT_DEVICE_EXCLUDE = "^(z?ram|loop|fd|(h|s|v|xv)d[a-z]|nvme\\d+n\\d+p)\\d+$";

    public static final CollectorSpec SPEC = CollectorSpec.of("diskstats", true, DiskstatsCollector::create,
                    Flag.regex("collector.diskstats.device-exclude", DEFAULT_DEVICE_EXCLUDE,
                            "Regexp of diskstats devices to exclude (mutually exclusive to device-include)."),
                    Flag.regex("collector.diskstats.device-include", "",
                            "Regexp of diskstats devices to include (mutually exclusive to device-exclude)."))
            .withAlias("collector.diskstats.ignored-devices", "collector.diskstats.device-exclude");

    private static final Log LOG = Log.get(DiskstatsCollector.class);

    /** Sectors in /proc/diskstats are always 512 bytes, whatever the device's block size. */
    private static final double SECTOR_BYTES = 512;
    private static final double SECONDS_PER_MILLI = 1.0 / 1000.0;

    /** One published family per /proc/diskstats column, in column order. */
    private record Column(String name, String help, boolean counter, double scale) {}

    private static final List<Column> COLUMNS = List.of(
            new Column("node_disk_reads_completed_total", "The total number of reads completed successfully.", true, 1),
            new Column("node_disk_reads_merged_total", "The total number of reads merged.", true, 1),
            new Column("node_disk_read_bytes_total", "The total number of bytes read successfully.", true, SECTOR_BYTES),
            new Column("node_disk_read_time_seconds_total", "The total number of seconds spent by all reads.", true,
                    SECONDS_PER_MILLI),
            new Column("node_disk_writes_completed_total", "The total number of writes completed successfully.", true, 1),
            new Column("node_disk_writes_merged_total", "The number of writes merged.", true, 1),
            new Column("node_disk_written_bytes_total", "The total number of bytes written successfully.", true,
                    SECTOR_BYTES),
            new Column("node_disk_write_time_seconds_total", "This is the total number of seconds spent by all writes.",
                    true, SECONDS_PER_MILLI),
            new Column("node_disk_io_now", "The number of I/Os currently in progress.", false, 1),
            new Column("node_disk_io_time_seconds_total", "Total seconds spent doing I/Os.", true, SECONDS_PER_MILLI),
            new Column("node_disk_io_time_weighted_seconds_total", "The weighted # of seconds spent doing I/Os.", true,
                    SECONDS_PER_MILLI),
            new Column("node_disk_discards_completed_total", "The total number of discards completed successfully.",
                    true, 1),
            new Column("node_disk_discards_merged_total", "The total number of discards merged.", true, 1),
            // Discarded sectors stay sectors: node_exporter publishes them unconverted.
            new Column("node_disk_discarded_sectors_total", "The total number of sectors discarded successfully.", true, 1),
            new Column("node_disk_discard_time_seconds_total",
                    "This is the total number of seconds spent by all discards.", true, SECONDS_PER_MILLI),
            new Column("node_disk_flush_requests_total", "The total number of flush requests completed successfully",
                    true, 1),
            new Column("node_disk_flush_requests_time_seconds_total",
                    "This is the total number of seconds spent by all flush requests.", true, SECONDS_PER_MILLI));

    /** The udev properties published as node_disk_ata_* when the disk is an ATA disk. */
    private record AtaProperty(String udevKey, String name, String help) {}

    private static final List<AtaProperty> ATA = List.of(
            new AtaProperty("ID_ATA_WRITE_CACHE", "node_disk_ata_write_cache", "ATA disk has a write cache."),
            new AtaProperty("ID_ATA_WRITE_CACHE_ENABLED", "node_disk_ata_write_cache_enabled",
                    "ATA disk has its write cache enabled."),
            new AtaProperty("ID_ATA_ROTATION_RATE_RPM", "node_disk_ata_rotation_rate_rpm",
                    "ATA disk rotation rate in RPMs (0 for SSDs)."));

    private final HostPaths paths;
    private final DeviceFilter filter;
    /** node_exporter decides once, at start, whether the udev database is there to read. */
    private final boolean udevAvailable;

    DiskstatsCollector(HostPaths paths, DeviceFilter filter) {
        this.paths = paths;
        this.filter = filter;
        this.udevAvailable = Files.isDirectory(paths.udevData());
        if (!udevAvailable) {
            LOG.error("Failed to open directory, disabling udev device properties", "path", paths.udevData());
        }
    }

    static DiskstatsCollector create(CollectorContext ctx) {
        return new DiskstatsCollector(ctx.paths(), ctx.deviceFilter("device-include", "device-exclude"));
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        Path file = paths.proc("diskstats");
        List<Diskstats> disks;
        try {
            disks = DiskstatsParser.parse(SmallFiles.read(file), file.toString());
        } catch (IOException e) {
            throw new IOException("couldn't get diskstats: " + e.getMessage(), e);
        }

        Family info = sink.gauge("node_disk_info", "Info of /sys/block/<block_device>.",
                "device", "major", "minor", "path", "wwn", "model", "serial", "revision", "rotational");
        Family[] columns = new Family[COLUMNS.size()];
        for (int i = 0; i < columns.length; i++) {
            Column c = COLUMNS.get(i);
            columns[i] = c.counter() ? sink.counter(c.name(), c.help(), "device") : sink.gauge(c.name(), c.help(), "device");
        }
        Family fsInfo = sink.gauge("node_disk_filesystem_info", "Info about disk filesystem.",
                "device", "type", "usage", "uuid", "version");
        Family dmInfo = sink.gauge("node_disk_device_mapper_info", "Info about disk device mapper.",
                "device", "name", "uuid", "vg_name", "lv_name", "lv_layer");
        Family[] ata = new Family[ATA.size()];
        for (int i = 0; i < ata.length; i++) {
            ata[i] = sink.gauge(ATA.get(i).name(), ATA.get(i).help(), "device");
        }

        for (Diskstats d : disks) {
            String dev = d.device();
            if (filter.ignored(dev)) {
                continue;
            }
            UdevProperties udev = udev(d);
            info.add(1, dev, Long.toString(d.major()), Long.toString(d.minor()), udev.get("ID_PATH"),
                    udev.get("ID_WWN"), udev.get("ID_MODEL"), serial(udev), udev.get("ID_REVISION"), rotational(dev));

            List<Long> counters = d.counters();
            for (int i = 0; i < counters.size() && i < columns.length; i++) {
                columns[i].add(Numbers.unsignedToDouble(counters.get(i)) * COLUMNS.get(i).scale(), dev);
            }

            String fsType = udev.get("ID_FS_TYPE");
            if (!fsType.isEmpty()) {
                fsInfo.add(1, dev, fsType, udev.get("ID_FS_USAGE"), udev.get("ID_FS_UUID"), udev.get("ID_FS_VERSION"));
            }
            String dmName = udev.get("DM_NAME");
            if (!dmName.isEmpty()) {
                dmInfo.add(1, dev, dmName, udev.get("DM_UUID"), udev.get("DM_VG_NAME"), udev.get("DM_LV_NAME"),
                        udev.get("DM_LV_LAYER"));
            }
            if (!udev.get("ID_ATA").isEmpty()) {
                for (int i = 0; i < ata.length; i++) {
                    AtaProperty p = ATA.get(i);
                    if (!udev.has(p.udevKey())) {
                        LOG.debug("Udev attribute does not exist", "attribute", p.udevKey());
                        continue;
                    }
                    Double v = goFloat(udev.get(p.udevKey()));
                    if (v == null) {
                        LOG.error("Failed to parse ATA value", "err", "invalid syntax: " + udev.get(p.udevKey()));
                        continue;
                    }
                    ata[i].add(v, dev);
                }
            }
        }
    }

    private UdevProperties udev(Diskstats d) {
        if (!udevAvailable) {
            return UdevProperties.NONE;
        }
        try {
            return UdevDataParser.readBlockDevice(paths, d.major(), d.minor());
        } catch (IOException e) {
            LOG.debug("Failed to parse udev info", "err", e.getMessage());
            return UdevProperties.NONE;
        }
    }

    /** The serial printed on the disk's label when udev has it, else the shorter and longer udev serials. */
    static String serial(UdevProperties udev) {
        for (String key : new String[] {"SCSI_IDENT_SERIAL", "ID_SERIAL_SHORT", "ID_SERIAL"}) {
            String s = udev.get(key);
            if (!s.isEmpty()) {
                return s;
            }
        }
        return "";
    }

    /** "1" for a rotating disk, "0" otherwise and whenever sysfs cannot say. */
    String rotational(String dev) {
        String s = SmallFiles.readIfPresent(paths.sys("block").resolve(dev).resolve("queue").resolve("rotational"));
        if (s == null) {
            return "0";
        }
        try {
            return Long.parseUnsignedLong(s.strip()) == 1 ? "1" : "0";
        } catch (NumberFormatException e) {
            return "0";
        }
    }

    /** Go's strconv.ParseFloat for the plain decimal values udev writes; null when it would fail. */
    static Double goFloat(String s) {
        if (s.isEmpty() || !s.equals(s.strip()) || s.endsWith("d") || s.endsWith("D") || s.endsWith("f") || s.endsWith("F")) {
            return null;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
