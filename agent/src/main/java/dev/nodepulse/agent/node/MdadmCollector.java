package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.Numbers;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.MdStat;
import dev.nodepulse.procfs.proc.MdStatParser;
import dev.nodepulse.procfs.sys.block.MdRaid;
import dev.nodepulse.procfs.sys.block.MdRaidReader;
import java.nio.file.NoSuchFileException;
import java.util.List;

/**
 * Software RAID state: device, disk and sync figures from /proc/mdstat, member and degraded counts from
 * /sys/block/md*&#47;md. The five md_state series per device are 1 for the current state and 0 otherwise
 * (a reshape shows as none of them, as in node_exporter).
 */
public final class MdadmCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("mdadm", true, ctx -> new MdadmCollector(ctx.paths()));

    private static final String[][] STATES = {
            {"active", "active"}, {"inactive", "inactive"}, {"recovering", "recovering"}, {"resync", "resyncing"},
            {"check", "checking"}};

    private final HostPaths paths;

    public MdadmCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        String text;
        try {
            text = SmallFiles.read(paths.proc("mdstat"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("mdstat does not exist");
        }
        List<MdStat> stats = MdStatParser.parse(text);
        Family required = sink.gauge("node_md_disks_required", "Total number of disks of device.", "device");
        Family disks = sink.gauge("node_md_disks", "Number of active/failed/spare disks of device.", "device", "state");
        Family state = sink.gauge("node_md_state", "Indicates the state of md-device.", "device", "state");
        Family blocks = sink.gauge("node_md_blocks", "Total number of blocks on device.", "device");
        Family synced = sink.gauge("node_md_blocks_synced", "Number of blocks synced on device.", "device");
        for (MdStat md : stats) {
            required.add(md.disksTotal(), md.name());
            disks.add(md.disksActive(), md.name(), "active");
            disks.add(md.disksFailed(), md.name(), "failed");
            disks.add(md.disksSpare(), md.name(), "spare");
            for (String[] s : STATES) {
                state.add(md.activityState().equals(s[1]) ? 1 : 0, md.name(), s[0]);
            }
            blocks.add(md.blocksTotal(), md.name());
            synced.add(md.blocksSynced(), md.name());
        }

        List<MdRaid> raids;
        try {
            raids = MdRaidReader.read(paths.sys("block"));
        } catch (NoSuchFileException e) {
            throw new NoDataException("md sysfs attribute missing: " + e.getMessage());
        }
        Family raidDisks = sink.gauge("node_md_raid_disks", "Number of raid disks on device.", "device");
        Family degraded = sink.gauge("node_md_degraded", "Number of degraded disks on device.", "device");
        for (MdRaid r : raids) {
            if (r.raidDisks() != null) {
                raidDisks.add(Numbers.unsignedToDouble(r.raidDisks()), r.device());
            }
            degraded.add(Numbers.unsignedToDouble(r.degradedDisks()), r.device());
        }
    }
}
