package dev.nodepulse.agent.node;

import dev.nodepulse.agent.collector.Collector;
import dev.nodepulse.agent.collector.CollectorSpec;
import dev.nodepulse.agent.collector.NoDataException;
import dev.nodepulse.metrics.Family;
import dev.nodepulse.metrics.MetricSink;
import dev.nodepulse.procfs.HostPaths;
import dev.nodepulse.procfs.sys.watchdog.Watchdog;
import dev.nodepulse.procfs.sys.watchdog.WatchdogReader;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.List;

/** Attributes of each watchdog device under /sys/class/watchdog. */
public final class WatchdogCollector implements Collector {

    public static final CollectorSpec SPEC = CollectorSpec.of("watchdog", true, ctx -> new WatchdogCollector(ctx.paths()));

    private final HostPaths paths;

    public WatchdogCollector(HostPaths paths) {
        this.paths = paths;
    }

    @Override
    public void update(MetricSink sink) throws Exception {
        List<Watchdog> watchdogs;
        try {
            watchdogs = WatchdogReader.read(paths.sys("class", "watchdog"));
        } catch (NoSuchFileException | AccessDeniedException e) {
            throw new NoDataException("could not read watchdog stats: " + e.getMessage());
        }
        Family bootstatus = gauge(sink, "bootstatus", "bootstatus");
        Family fwVersion = gauge(sink, "fw_version", "fw_version");
        Family nowayout = gauge(sink, "nowayout", "nowayout");
        Family timeleft = gauge(sink, "timeleft_seconds", "timeleft");
        Family timeout = gauge(sink, "timeout_seconds", "timeout");
        Family pretimeout = gauge(sink, "pretimeout_seconds", "pretimeout");
        Family accessCs0 = gauge(sink, "access_cs0", "access_cs0");
        Family info = sink.gauge("node_watchdog_info", "Info of /sys/class/watchdog/<watchdog>",
                "name", "options", "identity", "state", "status", "pretimeout_governor");
        for (Watchdog w : watchdogs) {
            addIfPresent(bootstatus, w.bootstatus(), w.name());
            addIfPresent(fwVersion, w.fwVersion(), w.name());
            addIfPresent(nowayout, w.nowayout(), w.name());
            addIfPresent(timeleft, w.timeleft(), w.name());
            addIfPresent(timeout, w.timeout(), w.name());
            addIfPresent(pretimeout, w.pretimeout(), w.name());
            addIfPresent(accessCs0, w.accessCs0(), w.name());
            info.add(1, w.name(), orEmpty(w.options()), orEmpty(w.identity()), orEmpty(w.state()),
                    orEmpty(w.status()), orEmpty(w.pretimeoutGovernor()));
        }
    }

    private static Family gauge(MetricSink sink, String name, String file) {
        return sink.gauge("node_watchdog_" + name, "Value of /sys/class/watchdog/<watchdog>/" + file, "name");
    }

    private static void addIfPresent(Family f, Long v, String name) {
        if (v != null) {
            f.add(v, name);
        }
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
