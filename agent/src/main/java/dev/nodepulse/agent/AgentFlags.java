package dev.nodepulse.agent;

import dev.nodepulse.agent.collector.CollectorCatalog;
import dev.nodepulse.agent.collector.EnabledCollectors;
import dev.nodepulse.agent.http.WebSecurityFlags;
import dev.nodepulse.cli.Flag;
import dev.nodepulse.cli.FlagSet;

/** The agent's command line: node_exporter's flag names and defaults, plus the few of our own. */
public final class AgentFlags {

    private AgentFlags() {}

    public static FlagSet define() {
        FlagSet f = new FlagSet("nodepulse-agent");
        f.add(Flag.bool("help", false, "Show this help and exit."));
        f.add(Flag.bool("version", false, "Show the version and exit."));
        f.add(Flag.repeatable("web.listen-address", "Addresses on which to expose metrics and web interface.")
                .withDefault(":9100"));
        f.add(Flag.string("web.telemetry-path", "/metrics", "Path under which to expose metrics."));
        f.add(Flag.bool("web.disable-exporter-metrics", false,
                "Exclude metrics about the exporter itself (process_*, promhttp_*)."));
        f.add(Flag.integer("web.max-requests", 40,
                "Maximum number of parallel scrape requests. Use 0 to disable."));
        f.add(Flag.string("path.procfs", "/proc", "procfs mountpoint."));
        f.add(Flag.string("path.sysfs", "/sys", "sysfs mountpoint."));
        f.add(Flag.string("path.rootfs", "/", "rootfs mountpoint."));
        f.add(Flag.string("path.udev.data", "/run/udev/data", "udev data path."));
        f.add(Flag.string("log.level", "info", "Only log messages with the given severity or above. One of: [debug, info, warn, error]"));
        f.add(Flag.string("log.format", "logfmt", "Output format of log messages. One of: [logfmt, json]"));
        f.add(Flag.integer("runtime.gomaxprocs", 1,
                "How many collectors run at the same time (node_exporter's GOMAXPROCS, which bounds the same thing)."));
        f.add(Flag.duration("scrape.timeout", "10s",
                "Longest a collector may take in one scrape; shortened to Prometheus' X-Prometheus-Scrape-Timeout-Seconds less 0.5s."));
        WebSecurityFlags.define(f);
        f.addAll(dev.nodepulse.agent.cadvisor.CadvisorFlags.all());
        f.addAll(dev.nodepulse.agent.stats.StatsFlags.all());
        dev.nodepulse.agent.push.PushFlags.define(f);
        EnabledCollectors.defineFlags(f, CollectorCatalog.all());
        return f;
    }
}
