package dev.nodepulse.agent.stats;

import dev.nodepulse.kubelet.stats.RlimitStats;
import dev.nodepulse.log.Log;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.io.SmallFiles;
import dev.nodepulse.procfs.proc.Loadavg;
import dev.nodepulse.procfs.proc.LoadavgParser;
import java.io.IOException;
import java.time.Instant;

/**
 * The node's task limits as the kubelet reads them (pkg/kubelet/stats/pidlimit): maxpid is the smaller of
 * kernel.pid_max and kernel.threads-max, curproc the total of scheduling entities in /proc/loadavg's fourth field
 * (the kubelet prefers it to sysinfo(2), whose count is truncated above 65535). Unreadable values are left out.
 */
public final class NodeLimits {

    private static final Log LOG = Log.get(NodeLimits.class);

    private NodeLimits() {}

    public static RlimitStats read(HostPaths paths, Instant now) {
        Long max = null;
        for (String file : new String[] {"pid_max", "threads-max"}) {
            try {
                long v = SmallFiles.readLong(paths.proc("sys", "kernel", file));
                if (v >= 0 && (max == null || v < max)) {
                    max = v;
                }
            } catch (IOException | RuntimeException e) {
                LOG.debug("cannot read the task limit", "file", file, "err", e.toString());
            }
        }
        Long current = null;
        try {
            Loadavg l = LoadavgParser.parse(SmallFiles.read(paths.proc("loadavg")));
            if (l.tasks() != Loadavg.ABSENT) {
                current = l.tasks();
            }
        } catch (IOException | RuntimeException e) {
            LOG.debug("cannot read the task count", "err", e.toString());
        }
        return new RlimitStats(now, max, current);
    }
}
